package dev.pacesetter.kernel.internal.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;

/** Keeps how far the clock was moved, in {@code platform_clock}'s one row, so that a restart carries on from there. */
public final class ClockStore {

    private static final Logger LOG = LoggerFactory.getLogger(ClockStore.class);

    private ClockStore() {
    }

    static Optional<Duration> load(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT advanced_by_ms FROM platform_clock WHERE id = ?", 1).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Duration.ofMillis(rs.getLong(1))) : Optional.empty();
        }
    }

    /** Updates the one row (V10__clock.sql inserts it). */
    static void save(Connection c, Duration advancedBy, Instant at) throws SQLException {
        try (PreparedStatement update = Sql.of("UPDATE platform_clock SET advanced_by_ms = ?, updated_at = ? WHERE id = ?", advancedBy.toMillis(), at, 1)
                .prepare(c)) {
            update.executeUpdate();
        }
    }

    /** At start: an adjustable clock resumes where it was moved to; a system clock says it ignores an earlier move. */
    public static void restore(ModuleDatabase platformDb, KernelClock clock) {
        Optional<Duration> stored = platformDb.inTransaction(ClockStore::load).filter(d -> !d.isZero());
        if (stored.isEmpty()) {
            return;
        }
        if (clock.adjustable()) {
            clock.advance(stored.get());
            LOG.info("The clock resumes {} ahead of the system clock, where an administrator moved it", stored.get());
        } else {
            LOG.warn("The clock had been moved {} ahead on this database, but pacesetter.clock.adjustable is off: the system clock applies",
                    stored.get());
        }
    }
}
