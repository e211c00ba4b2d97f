package dev.pacesetter.kernel.internal.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.schedule.Deadline;
import dev.pacesetter.platform.api.schedule.Deadlines;

/** Gives every bundle its own {@link Deadlines}, bound to that bundle's module. */
public final class DeadlinesFactory implements ServiceFactory<Deadlines> {

    private final ModuleRegistry modules;
    private final JsonCodec json;
    private final TaskDataSerializer serializer = new TaskDataSerializer();

    public DeadlinesFactory(ModuleRegistry modules, JsonCodec json) {
        this.modules = modules;
        this.json = json;
    }

    @Override
    public Deadlines getService(Bundle bundle, ServiceRegistration<Deadlines> registration) {
        return new ModuleDeadlines(modules.moduleOf(bundle, "schedule deadlines"));
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Deadlines> registration, Deadlines service) {
        // stateless
    }

    private final class ModuleDeadlines implements Deadlines {

        private final Supplier<String> module;

        ModuleDeadlines(Supplier<String> module) {
            this.module = module;
        }

        @Override
        public void schedule(Connection connection, Deadline deadline) {
            scheduleAll(connection, List.of(deadline));
        }

        @Override
        public void scheduleAll(Connection connection, List<Deadline> deadlines) {
            if (deadlines.isEmpty()) {
                return;
            }
            String moduleId = module.get();
            List<DeadlineData> rows = deadlines.stream().map(d -> new DeadlineData(moduleId, d.kind(), d.key(), d.regionId().orElse(null),
                    d.dueAt().toEpochMilli(), d.data().map(json::writeString).orElse(null))).toList();
            try {
                DeadlineRows.upsert(connection, rows, serializer);
            } catch (SQLException e) {
                throw failure("schedule " + deadlines.size() + " deadline(s)", e);
            }
        }

        @Override
        public boolean cancel(Connection connection, String kind, Object key) {
            try {
                return DeadlineRows.delete(connection, DeadlineData.instanceId(module.get(), kind, String.valueOf(key)));
            } catch (SQLException e) {
                throw failure("cancel deadline " + kind + "/" + key, e);
            }
        }

        @Override
        public Optional<Instant> dueAt(Connection connection, String kind, Object key) {
            try {
                return DeadlineRows.find(connection, DeadlineData.instanceId(module.get(), kind, String.valueOf(key)), serializer)
                        .map(d -> Instant.ofEpochMilli(d.dueAtMillis()));
            } catch (SQLException e) {
                throw failure("read deadline " + kind + "/" + key, e);
            }
        }

        private DataAccessException failure(String what, SQLException e) {
            return new DataAccessException("could not " + what + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
