package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;

/** Users who own accounts and opportunities: their team and region decide who else sees the records. */
public final class Owners {

    /** An owner with the team and region their records are filed under. */
    public record Owner(long id, boolean active, Long teamId, Long regionId, Long managerId) {
    }

    private Owners() {
    }

    public static Optional<Owner> find(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT u.id, u.active, u.team_id, t.region_id, t.manager_id FROM org_user_v1 u"
                + " LEFT JOIN org_team_v1 t ON t.id = u.team_id WHERE u.id = ?", userId).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Owner(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
                    rs.getObject(5, Long.class))) : Optional.empty();
        }
    }

    /** The owner the caller asked for (themselves when none), or why they may not have them. */
    public static Owner resolve(Connection c, Caller caller, Long requested, String field) throws SQLException {
        long id = requested == null ? caller.userId() : requested;
        Optional<Owner> owner = find(c, id);
        if (owner.isEmpty() || !owner.get().active()) {
            throw dev.pacesetter.platform.api.http.ApiException.invalidFields(java.util.List.of(new FieldError(field, Message.of("field.user.inactive", id))));
        }
        boolean allowed = caller.hasRole(Role.ADMIN) || id == caller.userId() || (caller.hasRole(Role.MANAGER)
                && caller.scope().permits(id, Optional.ofNullable(owner.get().teamId()), Optional.ofNullable(owner.get().regionId())));
        if (!allowed) {
            throw dev.pacesetter.platform.api.http.ApiException.invalidFields(java.util.List.of(new FieldError(field,
                    Message.of("field.owner.not-yours"))));
        }
        return owner.get();
    }
}
