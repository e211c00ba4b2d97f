package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pacesetter.pipeline.internal.domain.TierThresholds;
import dev.pacesetter.pipeline.internal.domain.Tiering;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.i18n.Message;

/** Orders of accounts: won opportunities and repeat purchases. */
public final class OrderStore {

    /** An order as the API shows it; {@code opportunityId} is set for a won opportunity. */
    public record Order(long id, long accountId, Long opportunityId, Money amount, Instant orderedAt, Long byUserId, String note, Instant createdAt) {
    }

    /** What a new order is made of. */
    public record NewOrder(long accountId, Long opportunityId, Money amount, Instant orderedAt, Long byUserId, String note) {
    }

    private OrderStore() {
    }

    /**
     * Records an order in the tiering currency (422 {@code currency_mismatch} otherwise: tiers compare spend in one
     * currency) and, for an opportunity, only once (409 {@code order_exists}).
     */
    public static long insert(Connection c, NewOrder o, TierThresholds thresholds, Instant now) throws SQLException {
        if (!o.amount().currency().equals(thresholds.currency())) {
            throw ApiException.unprocessable("currency_mismatch", Message.of("error.currency-mismatch", thresholds.currency(), o.amount().currency()),
                    Map.of("currency", o.amount().currency(), "expected", thresholds.currency()));
        }
        if (o.opportunityId() != null) {
            try (PreparedStatement ps = Sql.of("SELECT id FROM pipeline_order WHERE opportunity_id = ?", o.opportunityId()).prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw ApiException.conflict("order_exists", Message.of("error.order-exists", o.opportunityId(), rs.getLong(1)),
                            Map.of("orderId", rs.getLong(1)));
                }
            }
        }
        return (Sql.of("INSERT INTO pipeline_order (account_id, opportunity_id, amount, currency, ordered_at, by_user,"
                + " note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", o.accountId(), o.opportunityId(), o.amount().scaled(), o.amount().currency(),
                o.orderedAt(), o.byUserId(), Jdbc.blankToNull(o.note()), now)).insertReturningKey(c, "id");
    }

    /** Newest first, at most {@code limit}. */
    public static List<Order> list(Connection c, long accountId, int limit) throws SQLException {
        return query(c, Sql.of(COLUMNS + " WHERE account_id = ? ORDER BY ordered_at DESC, id DESC FETCH FIRST ? ROWS ONLY", accountId, limit));
    }

    public static Order find(Connection c, long orderId) throws SQLException {
        return query(c, Sql.of(COLUMNS + " WHERE id = ?", orderId)).get(0);
    }

    private static final String COLUMNS = "SELECT id, account_id, opportunity_id, amount, currency, ordered_at, by_user, note, created_at"
            + " FROM pipeline_order";

    private static List<Order> query(Connection c, Sql sql) throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                orders.add(new Order(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), new Money(rs.getBigDecimal(4), rs.getString(5).strip()),
                        Jdbc.instant(rs, "ordered_at"), rs.getObject(7, Long.class), rs.getString(8), Jdbc.instant(rs, "created_at")));
            }
        }
        return orders;
    }

    /** The account's orders in {@code currency}, as tiering and health see them. */
    public static List<Tiering.OrderFact> facts(Connection c, long accountId, String currency) throws SQLException {
        List<Tiering.OrderFact> facts = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT ordered_at, amount FROM pipeline_order WHERE account_id = ? AND currency = ? ORDER BY ordered_at",
                accountId, currency).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                facts.add(new Tiering.OrderFact(Jdbc.instant(rs, "ordered_at"), rs.getBigDecimal(2)));
            }
        }
        return facts;
    }

    /** Whether any order is in another currency than {@code currency}. */
    public static boolean anyNotIn(Connection c, String currency) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT 1 FROM pipeline_order WHERE currency <> ? FETCH FIRST 1 ROWS ONLY", currency).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
