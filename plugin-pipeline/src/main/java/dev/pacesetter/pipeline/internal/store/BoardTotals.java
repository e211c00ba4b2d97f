package dev.pacesetter.pipeline.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.money.Money;

/**
 * The pipeline board's running totals: open opportunities and their amounts per owner, stage and currency,
 * changed in the transaction that opens an opportunity or moves its stage. Reading a board then adds up a few
 * rows per owner instead of scanning a million opportunities.
 */
public final class BoardTotals {

    /** One stage of a board: how many open opportunities and their amounts per currency. */
    public record Column(Stage stage, long count, List<Money> totals) {
    }

    private BoardTotals() {
    }

    /** Adds {@code count} (1 or -1) opportunities of {@code amount} to an owner's stage. */
    public static void add(Connection c, long ownerId, Stage stage, Money amount, int count) throws SQLException {
        if (!stage.isOpen()) {
            return;
        }
        BigDecimal delta = count > 0 ? amount.scaled() : amount.scaled().negate();
        if (addTo(c, ownerId, stage, amount.currency(), count, delta)) {
            return;
        }
        // the first opportunity of this owner, stage and currency: insert the row, unless a concurrent first one just did
        Savepoint beforeInsert = c.setSavepoint();
        try (PreparedStatement insert = Sql.of("INSERT INTO pipeline_board_total (owner_id, stage, currency, open_count, amount_total)"
                + " VALUES (?, ?, ?, ?, ?)", ownerId, stage.name(), amount.currency(), count, delta).prepare(c)) {
            insert.executeUpdate();
            c.releaseSavepoint(beforeInsert);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeInsert); // lost the race: the row exists now, and the update finds it
            if (!addTo(c, ownerId, stage, amount.currency(), count, delta)) {
                throw e;
            }
        }
    }

    private static boolean addTo(Connection c, long ownerId, Stage stage, String currency, int count, BigDecimal delta) throws SQLException {
        try (PreparedStatement update = Sql.of("UPDATE pipeline_board_total SET open_count = open_count + ?, amount_total = amount_total + ?"
                + " WHERE owner_id = ? AND stage = ? AND currency = ?", count, delta, ownerId, stage.name(), currency).prepare(c)) {
            return update.executeUpdate() > 0;
        }
    }

    /** The board of the owners {@code owners} selects (a condition on {@code b.owner_id}), open stages in order. */
    public static List<Column> board(Connection c, Sql owners) throws SQLException {
        Map<Stage, long[]> counts = new LinkedHashMap<>();
        Map<Stage, List<Money>> totals = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            if (stage.isOpen()) {
                counts.put(stage, new long[1]);
                totals.put(stage, new ArrayList<>());
            }
        }
        Sql sql = Sql.of("SELECT b.stage, b.currency, SUM(b.open_count), SUM(b.amount_total) FROM pipeline_board_total b WHERE 1 = 1").and(owners)
                .append("GROUP BY b.stage, b.currency ORDER BY b.stage, b.currency");
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Stage stage = Stage.valueOf(rs.getString(1));
                long count = rs.getLong(3);
                if (count == 0) {
                    continue;
                }
                counts.get(stage)[0] += count;
                totals.get(stage).add(new Money(rs.getBigDecimal(4), rs.getString(2).strip()));
            }
        }
        List<Column> board = new ArrayList<>();
        counts.forEach((stage, count) -> board.add(new Column(stage, count[0], totals.get(stage))));
        return board;
    }
}
