package dev.pacesetter.leads.internal.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.internal.domain.LeadFields;
import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.LeadValidation;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.leads.internal.importing.ImportColumns.Column;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Turns one CSV record into a {@link LeadInput}: enums by name (any case) or Chinese word
 * ({@link dev.pacesetter.leads.internal.domain.LeadVocabulary}), amounts as people write them
 * ({@link dev.pacesetter.leads.internal.domain.Amounts}), a budget amount without a status meaning CONFIRMED, the channel by id or name,
 * the owner by id or user name, tags split on {@code ;} or {@code |}, the budget from amount and currency. Problems are named by
 * the CSV column, so that the error report points at the cell to fix.
 */
public final class ImportRowMapper {

    private static final Pattern TAG_SEPARATOR = Pattern.compile("[;|]");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    /** A mapped row: the input to prepare, or the problems that reject it. */
    public record Mapped(LeadInput input, List<FieldError> problems) {
    }

    /** Resolves names to ids (the database in an import, maps in tests). */
    public interface Lookups {
        /** The channel with this id or (folded) name. */
        Optional<Long> channel(String idOrName) throws SQLException;

        /** The user with this id or user name. */
        Optional<Long> user(String idOrUsername) throws SQLException;
    }

    private final ImportColumns columns;
    private final Lookups lookups;

    public ImportRowMapper(ImportColumns columns, Lookups lookups) {
        this.columns = columns;
        this.lookups = lookups;
    }

    public Mapped map(List<String> record) throws SQLException {
        List<FieldError> problems = new ArrayList<>();
        if (record.size() != columns.width()) {
            problems.add(new FieldError("row", Message.of("import.row.width", record.size(), columns.width())));
            return new Mapped(null, problems);
        }
        LeadFields fields = new LeadFields();
        Intent intent = fields.enumValue(Column.INTENT.header, Intent.class, columns.value(record, Column.INTENT));
        BudgetStatus budgetStatus = fields.enumValue(Column.BUDGET_STATUS.header, BudgetStatus.class, columns.value(record, Column.BUDGET_STATUS));
        DecisionRole decision = fields.enumValue(Column.DECISION_ROLE.header, DecisionRole.class, columns.value(record, Column.DECISION_ROLE));
        Long channelId = null;
        String channel = columns.value(record, Column.CHANNEL);
        if (channel != null) {
            Optional<Long> found = lookups.channel(channel);
            if (found.isEmpty()) {
                problems.add(new FieldError(Column.CHANNEL.header, Message.of("import.row.no-channel", channel)));
            } else {
                channelId = found.get();
            }
        }
        Long ownerId = null;
        String owner = columns.value(record, Column.OWNER);
        if (owner != null) {
            Optional<Long> found = lookups.user(owner);
            if (found.isEmpty()) {
                problems.add(new FieldError(Column.OWNER.header, Message.of("import.row.no-user", owner)));
            } else {
                ownerId = found.get();
            }
        }
        Money budget = null;
        String amount = columns.value(record, Column.BUDGET_AMOUNT);
        String currency = columns.value(record, Column.BUDGET_CURRENCY);
        if (amount != null) {
            // 147万, 1.2亿, 12,000, full-width digits, ¥12,000.50 (¥ or 元 stand for CNY when no currency is given)
            budget = fields.money(Column.BUDGET_AMOUNT.header, amount, currency);
        } else if (currency != null) {
            problems.add(new FieldError(Column.BUDGET_AMOUNT.header, Message.of("import.row.amount-with-currency")));
        }
        problems.addAll(fields.problems());
        budgetStatus = LeadFields.inferredStatus(budgetStatus, budget);
        List<String> tags = null;
        String tagText = columns.value(record, Column.TAGS);
        if (tagText != null) {
            tags = new ArrayList<>();
            for (String tag : TAG_SEPARATOR.split(tagText)) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        LeadInput input = new LeadInput(columns.value(record, Column.EXTERNAL_ID), columns.value(record, Column.PERSON_NAME),
                columns.value(record, Column.COMPANY), columns.value(record, Column.PHONE), columns.value(record, Column.EMAIL), channelId, tags,
                intent, budgetStatus, budget, decision, ownerId, columns.value(record, Column.TERRITORY));
        for (FieldError problem : LeadValidation.problems(input)) {
            String column = column(problem.field(), problem.message());
            problems.add(problem.text() == null ? new FieldError(column, problem.message()) : new FieldError(column, problem.text()));
        }
        return new Mapped(problems.isEmpty() ? input : null, problems);
    }

    /** The CSV column a REST field name stands for. */
    static String column(String field, String message) {
        return switch (field) {
            case "budget" -> message.contains("currency") ? Column.BUDGET_CURRENCY.header : Column.BUDGET_AMOUNT.header;
            case "channelId" -> Column.CHANNEL.header;
            case "ownerId" -> Column.OWNER.header;
            default -> field;
        };
    }

    /** Channel and user look-ups on the import's connection, each name asked once. */
    public static Lookups database(Connection c) throws SQLException {
        Map<String, Long> channelsByKey = new HashMap<>();
        Map<Long, Long> channelIds = new HashMap<>();
        try (PreparedStatement ps = Sql.of("SELECT id, name_key FROM leads_channel").prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                channelsByKey.put(rs.getString(2), rs.getLong(1));
                channelIds.put(rs.getLong(1), rs.getLong(1));
            }
        }
        Map<String, Optional<Long>> users = new HashMap<>();
        return new Lookups() {
            @Override
            public Optional<Long> channel(String idOrName) {
                Long byName = channelsByKey.get(Normalizer.nameKey(idOrName));
                if (byName != null) {
                    return Optional.of(byName);
                }
                return NUMBER.matcher(idOrName).matches() ? Optional.ofNullable(channelIds.get(Long.parseLong(idOrName))) : Optional.empty();
            }

            @Override
            public Optional<Long> user(String idOrUsername) throws SQLException {
                Optional<Long> known = users.get(idOrUsername);
                if (known == null) {
                    known = find(idOrUsername);
                    if (users.size() < 10_000) {
                        users.put(idOrUsername, known);
                    }
                }
                return known;
            }

            private Optional<Long> find(String idOrUsername) throws SQLException {
                try (PreparedStatement ps = Sql.of("SELECT id FROM org_user_v1 WHERE username = ?", idOrUsername).prepare(c);
                        ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getLong(1));
                    }
                }
                if (!NUMBER.matcher(idOrUsername).matches()) {
                    return Optional.empty();
                }
                try (PreparedStatement ps = Sql.of("SELECT id FROM org_user_v1 WHERE id = ?", Long.parseLong(idOrUsername)).prepare(c);
                        ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        };
    }
}
