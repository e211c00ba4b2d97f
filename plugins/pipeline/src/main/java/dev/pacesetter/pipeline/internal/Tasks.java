package dev.pacesetter.pipeline.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import dev.pacesetter.platform.api.db.Sql;

/** Follow-up tasks for owners, written where the reason for them is decided. */
final class Tasks {

    /** Where a task comes from. */
    enum Source {
        DEADLINE, PLAYBOOK, HEALTH, MANUAL
    }

    private Tasks() {
    }

    static long open(Connection c, long ownerId, Long accountId, Long opportunityId, Source source, String title, Instant due) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pipeline_task (owner_id, account_id, opportunity_id, source, title, due_at, status,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)", new String[] {"id"})) {
            Sql.of("?, ?, ?, ?, ?, ?, ?", ownerId, accountId, opportunityId, source.name(), title.length() > 200 ? title.substring(0, 200) : title, due,
                    Instant.now()).bind(ps, 1);
            return Jdbc.insertReturningId(ps);
        }
    }
}
