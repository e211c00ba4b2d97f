package dev.pacesetter.kernel.internal.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/** {@code GET /api/v1/audit}: administrators page through the trail, newest first. There is no route that changes it. */
public final class AuditRoutes implements RouteProvider {

    /** One entry of the trail: {@code before} and {@code after} are the record as the module audited it (any JSON), or null. */
    public record AuditEntry(long id, Instant at, Long userId, String username, String module, String resource, String recordId, String action,
            JsonNode before, JsonNode after, String correlationId) {
    }

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final ModuleDatabase db;
    private final JsonCodec json;

    public AuditRoutes(ModuleDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/audit", this::list).returnsItems(AuditEntry.class).query("user", "Only entries by this user").query("module", "Only entries of this module").query("resource", "Only entries about this resource, e.g. leads").query("recordId", "Only entries about this record").query("from", java.time.Instant.class, "Entries at or after this time").query("to", java.time.Instant.class, "Entries before this time").query("before", Long.class, "Cursor: the nextBefore of the previous page").query("limit", Integer.class, "Page size").roles(Role.ADMIN)
                .summary("The audit trail, newest first; filters user, module, resource, recordId, from, to; paged with limit and before"));
    }

    private Reply list(ApiRequest request) {
        AuditQuery query = parse(request);
        Sql sql = Sql.of("SELECT id, occurred_at, user_id, username, module_id, resource, record_id, action, before_state, after_state,"
                + " correlation_id FROM platform_audit WHERE 1 = 1");
        sql = with(sql, query.username(), "username = ?");
        sql = with(sql, query.module(), "module_id = ?");
        sql = with(sql, query.resource(), "resource = ?");
        sql = with(sql, query.recordId(), "record_id = ?");
        sql = with(sql, query.from(), "occurred_at >= ?");
        sql = with(sql, query.to(), "occurred_at < ?");
        sql = with(sql, query.before(), "id < ?");
        Sql page = sql.append("ORDER BY id DESC FETCH FIRST ? ROWS ONLY", query.limit() + 1);
        List<AuditEntry> items = db.inTransaction(c -> {
            List<AuditEntry> rows = new ArrayList<>();
            try (PreparedStatement ps = page.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
        Object next = null;
        if (items.size() > query.limit()) {
            items = items.subList(0, query.limit());
            next = String.valueOf(items.get(items.size() - 1).id());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextBefore", next);
        return Reply.ok(body);
    }

    private static Sql with(Sql sql, Optional<?> value, String condition) {
        return value.isPresent() ? sql.and(Sql.of(condition, value.get())) : sql;
    }

    private AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9) == null ? null : json.parse(rs.getString(9)),
                rs.getString(10) == null ? null : json.parse(rs.getString(10)), rs.getString(11));
    }

    private static AuditQuery parse(ApiRequest request) {
        Validation validation = new Validation();
        Optional<Instant> from = instant(request, "from", validation);
        Optional<Instant> to = instant(request, "to", validation);
        Optional<Long> before = request.queryParam("before").flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value));
            } catch (NumberFormatException e) {
                validation.require(false, "before", Message.of("field.cursor", "nextBefore"));
                return Optional.empty();
            }
        });
        int limit = validation.intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        validation.orThrow();
        return new AuditQuery(request.queryParam("user"), request.queryParam("module"), request.queryParam("resource"),
                request.queryParam("recordId"), from, to, before, limit);
    }

    private static Optional<Instant> instant(ApiRequest request, String name, Validation validation) {
        return request.queryParam(name).flatMap(value -> validation.instant(name, value));
    }

}
