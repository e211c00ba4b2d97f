package dev.pacesetter.kernel.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.security.Caller;

/**
 * Appends audit rows on the connection of the change being audited. The platform's own changes and
 * every plugin's ({@link dev.pacesetter.platform.api.db.ModuleDatabase#audit}) go through here.
 */
public final class AuditTrail {

    private static final int MAX_STATE_CHARS = 100_000;

    private final JsonCodec json;
    private final Clock clock;

    public AuditTrail(JsonCodec json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void append(Connection connection, String moduleId, AuditRecord record) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO platform_audit (occurred_at, user_id, username, module_id,"
                + " resource, record_id, action, before_state, after_state, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setObject(2, record.actor().map(Caller::userId).orElse(null));
            ps.setString(3, record.actor().map(Caller::username).orElse(null));
            ps.setString(4, moduleId);
            ps.setString(5, record.resource());
            ps.setString(6, record.recordId().map(id -> id.length() > 100 ? id.substring(0, 100) : id).orElse(null));
            ps.setString(7, record.action());
            ps.setString(8, record.beforeState().map(this::state).orElse(null));
            ps.setString(9, record.afterState().map(this::state).orElse(null));
            ps.setString(10, record.correlationId().orElse(null));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("audit trail: could not record " + record.action() + " of " + record.resource()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private String state(Object value) {
        String text = SecretRedactor.redact(json.tree(value)).toString();
        if (text.length() > MAX_STATE_CHARS) {
            // keep the row valid JSON rather than cut it mid-token
            return "{\"truncated\":true,\"length\":" + text.length() + "}";
        }
        return text;
    }
}
