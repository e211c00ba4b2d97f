package dev.pacesetter.leads.internal.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.leads.internal.csv.CsvWriter;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The columns of a lead import file, found by header name: case, spaces, underscores and hyphens do not matter
 * ({@code personName}, {@code Person Name} and {@code person_name} are one column). Columns may come in any order;
 * {@code personName} and one of {@code email} or {@code phone} are required; an unknown or repeated column refuses
 * the file, so that a misspelt header never silently drops data.
 */
public final class ImportColumns {

    /** A column of the import (and export) format, by its documented name. */
    public enum Column {
        EXTERNAL_ID("externalId"), PERSON_NAME("personName"), COMPANY("company"), PHONE("phone"), EMAIL("email"), CHANNEL("channel"),
        TAGS("tags"), INTENT("intent"), BUDGET_STATUS("budgetStatus"), BUDGET_AMOUNT("budgetAmount"), BUDGET_CURRENCY("budgetCurrency"),
        DECISION_ROLE("decisionRole"), OWNER("owner"), TERRITORY("territory");

        public final String header;

        Column(String header) {
            this.header = header;
        }

        static Optional<Column> byHeader(String text) {
            String key = key(text);
            for (Column column : values()) {
                if (key(column.header).equals(key)) {
                    return Optional.of(column);
                }
            }
            // the REST field names are accepted too
            return switch (key) {
                case "channelid" -> Optional.of(CHANNEL);
                case "ownerid" -> Optional.of(OWNER);
                case "name" -> Optional.of(PERSON_NAME);
                default -> Optional.empty();
            };
        }

        static String key(String text) {
            return Normalizer.nfkc(text).strip().replaceAll("[\\s_\\-]+", "").toLowerCase(Locale.ROOT);
        }
    }

    /** Columns of an export that an import ignores (the lead's id, grade and state are the system's to set). */
    public static final List<String> EXPORT_ONLY_HEADERS = List.of("id", "grade", "gradeRule", "status", "regionId", "createdAt",
            "firstTouchAt");
    private static final java.util.Set<String> EXPORT_ONLY = EXPORT_ONLY_HEADERS.stream().map(Column::key)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Map<Column, Integer> positions;
    private final int width;

    private ImportColumns(Map<Column, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** The header's columns, or every problem with it (field {@code header}). */
    public static Result of(List<String> header) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = CsvWriter.unguard(header.get(i));
            if (name.isBlank()) {
                unknown.add("(empty, column " + (i + 1) + ")");
                continue;
            }
            Optional<Column> column = Column.byHeader(name);
            if (column.isEmpty() && EXPORT_ONLY.contains(Column.key(name))) {
                continue; // what an export adds (id, grade, …): ignored, so that an exported file imports as it is
            }
            if (column.isEmpty()) {
                unknown.add(name);
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                repeated.add(name);
            }
        }
        List<FieldError> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add(new FieldError("header", Message.of("import.header.unknown", String.join(", ", unknown), String.join(", ", documented()))));
        }
        if (!repeated.isEmpty()) {
            problems.add(new FieldError("header", Message.of("import.header.twice", String.join(", ", repeated))));
        }
        List<String> missing = new ArrayList<>();
        if (!positions.containsKey(Column.PERSON_NAME)) {
            missing.add(Column.PERSON_NAME.header);
        }
        if (!positions.containsKey(Column.EMAIL) && !positions.containsKey(Column.PHONE)) {
            missing.add(Column.EMAIL.header + "/" + Column.PHONE.header);
        }
        if (!missing.isEmpty()) {
            problems.add(new FieldError("header", Message.of("import.header.missing", String.join(", ", missing))));
        }
        return problems.isEmpty() ? new Result(new ImportColumns(positions, header.size()), List.of()) : new Result(null, problems);
    }

    public record Result(ImportColumns columns, List<FieldError> problems) {
    }

    public static List<String> documented() {
        List<String> names = new ArrayList<>();
        for (Column column : Column.values()) {
            names.add(column.header);
        }
        return names;
    }

    /** How many fields each record must have. */
    public int width() {
        return width;
    }

    public boolean has(Column column) {
        return positions.containsKey(column);
    }

    /** The stripped value of {@code column} in {@code record}, or {@code null} if absent or blank. */
    public String value(List<String> record, Column column) {
        Integer index = positions.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = CsvWriter.unguard(record.get(index)).strip();
        return value.isEmpty() ? null : value;
    }

    /** The header's problems as one message ("…; …"), for the import's failure and the 422. */
    static Message together(List<FieldError> problems) {
        Message all = null;
        for (FieldError problem : problems) {
            Message one = problem.text() == null ? Message.of("import.header.text", problem.message()) : problem.text();
            all = all == null ? one : Message.of("import.header.and", all, one);
        }
        return all;
    }

    /** Column names in header order, for messages. */
    public Map<Integer, Column> byPosition() {
        Map<Integer, Column> order = new LinkedHashMap<>();
        positions.forEach((column, index) -> order.put(index, column));
        return order;
    }
}
