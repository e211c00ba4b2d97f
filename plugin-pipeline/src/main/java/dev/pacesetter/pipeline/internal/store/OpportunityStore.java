package dev.pacesetter.pipeline.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.pipeline.api.Contribution;
import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.internal.domain.Members;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.security.RowScope;

/** Opportunities with their members and stage history, read within a caller's scope. */
public final class OpportunityStore {

    /** An opportunity as the API shows it. */
    public record Opportunity(long id, long accountId, String name, long ownerId, Long teamId, Long regionId, Money amount, String product,
            LocalDate expectedClose, Stage stage, Instant stageEnteredAt, String lostReason, Long sourceLeadId, List<Contribution> members,
            List<StageSpell> stageHistory, Instant createdAt, Instant closedAt, int version) {
    }

    /** A time an opportunity spent in one stage; {@code leftAt} null while it is still there. */
    public record StageSpell(Stage stage, Instant enteredAt, Instant leftAt, long seconds) {
    }

    /** What a new opportunity is made of. */
    public record NewOpportunity(long accountId, String name, Owners.Owner owner, Money amount, String product, LocalDate expectedClose,
            List<Members.Member> members, Long sourceLeadId) {
    }

    private static final String COLUMNS = "o.id, o.account_id, o.name, o.owner_id, o.team_id, o.region_id, o.amount, o.currency, o.product,"
            + " o.expected_close, o.stage, o.stage_entered_at, o.lost_reason, o.source_lead_id, o.created_at, o.closed_at, o.version";

    private OpportunityStore() {
    }

    public static long insert(Connection c, NewOpportunity o, Long byUser, Instant now) throws SQLException {
        long id = (Sql.of("INSERT INTO pipeline_opportunity (account_id, name, owner_id, team_id, region_id, amount,"
                + " currency, product, expected_close, stage, stage_entered_at, source_lead_id, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", o.accountId(), o.name().strip(), o.owner().id(), o.owner().teamId(),
                o.owner().regionId(), o.amount().scaled(), o.amount().currency(), Jdbc.blankToNull(o.product()), o.expectedClose(),
                Stage.FIRST_CONTACT.name(), now, o.sourceLeadId(), now, now)).insertReturningKey(c, "id");
        List<Sql> members = new ArrayList<>();
        for (Members.Member m : Members.orOwnerAlone(o.members(), o.owner().id())) {
            members.add(Sql.of("INSERT INTO pipeline_member (opportunity_id, user_id, role, weight) VALUES (?, ?, ?, ?)", id, m.userId(),
                    Members.roleOf(m, o.owner().id()), m.weight()));
        }
        Sql.batch(c, members);
        enterStage(c, id, Stage.FIRST_CONTACT, now, byUser, null);
        BoardTotals.add(c, o.owner().id(), Stage.FIRST_CONTACT, o.amount(), 1);
        return id;
    }

    public static void enterStage(Connection c, long id, Stage stage, Instant at, Long byUser, String note) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE pipeline_stage_history SET left_at = ? WHERE opportunity_id = ? AND left_at IS NULL", at, id)
                .prepare(c)) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Sql.of("INSERT INTO pipeline_stage_history (opportunity_id, stage, entered_at, left_at, by_user, note)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, stage.name(), at, stage.isOpen() ? null : at, byUser, note).prepare(c)) {
            ps.executeUpdate();
        }
    }

    public static Optional<Opportunity> find(Connection c, long id, RowScope scope, boolean lock, Instant now) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM pipeline_opportunity o WHERE o.id = ?", id).and(scope.ownedBy("o.owner_id"));
        Opportunity found;
        try (PreparedStatement ps = (lock ? sql.append("FOR UPDATE") : sql).prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            found = row(rs, List.of(), List.of());
        }
        return Optional.of(withDetails(found, members(c, id), history(c, id, now)));
    }

    public static List<Opportunity> page(Connection c, RowScope scope, Optional<Stage> stage, Optional<Long> accountId, Optional<Long> ownerId,
            Optional<Long> before, int limit) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM pipeline_opportunity o WHERE 1 = 1").and(scope.ownedBy("o.owner_id"));
        if (stage.isPresent()) {
            sql = sql.and(Sql.of("o.stage = ?", stage.get().name()));
        }
        if (accountId.isPresent()) {
            sql = sql.and(Sql.of("o.account_id = ?", accountId.get()));
        }
        if (ownerId.isPresent()) {
            sql = sql.and(Sql.of("o.owner_id = ?", ownerId.get()));
        }
        if (before.isPresent()) {
            sql = sql.and(Sql.of("o.id < ?", before.get()));
        }
        List<Opportunity> page = new ArrayList<>();
        try (PreparedStatement ps = sql.append("ORDER BY o.id DESC FETCH FIRST ? ROWS ONLY", limit + 1).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                page.add(row(rs, List.of(), List.of()));
            }
        }
        return page;
    }

    static List<Contribution> members(Connection c, long id) throws SQLException {
        List<Contribution> members = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT user_id, role, weight FROM pipeline_member WHERE opportunity_id = ? ORDER BY weight DESC, user_id",
                id).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                members.add(new Contribution(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)));
            }
        }
        return members;
    }

    static List<StageSpell> history(Connection c, long id, Instant now) throws SQLException {
        List<StageSpell> spells = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT stage, entered_at, left_at FROM pipeline_stage_history WHERE opportunity_id = ? ORDER BY id", id)
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant entered = Jdbc.instant(rs, "entered_at");
                Instant left = Jdbc.instant(rs, "left_at");
                spells.add(new StageSpell(Stage.valueOf(rs.getString("stage")), entered, left,
                        Duration.between(entered, left != null ? left : now).toSeconds()));
            }
        }
        return spells;
    }

    private static Opportunity withDetails(Opportunity o, List<Contribution> members, List<StageSpell> history) {
        return new Opportunity(o.id(), o.accountId(), o.name(), o.ownerId(), o.teamId(), o.regionId(), o.amount(), o.product(), o.expectedClose(),
                o.stage(), o.stageEnteredAt(), o.lostReason(), o.sourceLeadId(), members, history, o.createdAt(), o.closedAt(), o.version());
    }

    private static Opportunity row(ResultSet rs, List<Contribution> members, List<StageSpell> history) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        java.sql.Date close = rs.getDate("expected_close");
        return new Opportunity(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getLong("owner_id"),
                rs.getObject("team_id", Long.class), rs.getObject("region_id", Long.class), new Money(amount, rs.getString("currency").strip()),
                rs.getString("product"), close == null ? null : close.toLocalDate(), Stage.valueOf(rs.getString("stage")),
                Jdbc.instant(rs, "stage_entered_at"), rs.getString("lost_reason"), rs.getObject("source_lead_id", Long.class), members, history,
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "closed_at"), rs.getInt("version"));
    }
}
