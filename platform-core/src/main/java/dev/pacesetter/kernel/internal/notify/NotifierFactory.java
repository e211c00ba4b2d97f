package dev.pacesetter.kernel.internal.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Notifier;

/** Gives every bundle its own {@link Notifier}, which records that bundle's module with each notification. */
public final class NotifierFactory implements ServiceFactory<Notifier> {

    private final ModuleRegistry modules;
    private final Clock clock;

    public NotifierFactory(ModuleRegistry modules, Clock clock) {
        this.modules = modules;
        this.clock = clock;
    }

    @Override
    public Notifier getService(Bundle bundle, ServiceRegistration<Notifier> registration) {
        Supplier<String> module = modules.moduleOf(bundle, "raise notifications");
        return (connection, notification) -> insert(connection, notification, module.get());
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Notifier> registration, Notifier service) {
        // stateless
    }

    private long insert(Connection c, Notification n, String module) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_notification (user_id, module_id, kind, severity, title, body,"
                + " link, rule, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, n.userId());
            ps.setString(2, module);
            ps.setString(3, n.kind());
            ps.setString(4, n.severity().name());
            ps.setString(5, n.title());
            ps.setString(6, n.bodyText().map(b -> b.length() > 4000 ? b.substring(0, 4000) : b).orElse(null));
            ps.setString(7, n.linkPath().orElse(null));
            ps.setString(8, n.ruleName().map(r -> r.length() > 200 ? r.substring(0, 200) : r).orElse(null));
            ps.setTimestamp(9, Timestamp.from(clock.instant()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            // 23503: no such user; the plugin's transaction rolls back with a clear reason
            throw new DataAccessException("could not notify user " + n.userId() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
