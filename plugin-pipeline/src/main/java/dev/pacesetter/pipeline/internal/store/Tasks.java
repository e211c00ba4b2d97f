package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import dev.pacesetter.pipeline.api.Tier;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.i18n.Message;

/** Follow-up tasks for owners, written where the reason for them is decided. */
public final class Tasks {

    /** Where a task comes from. */
    public enum Source {
        DEADLINE, PLAYBOOK, HEALTH, MANUAL
    }

    private Tasks() {
    }

    static long open(Connection c, Instant now, long ownerId, Long accountId, Long opportunityId, Source source, String title, Instant due) throws SQLException {
        return open(c, now, ownerId, accountId, opportunityId, source, title, due, null);
    }

    /** A task whose title is one of the plugin's messages, shown in the reader's language. */
    public static long open(Connection c, Instant now, long ownerId, Long accountId, Long opportunityId, Source source, Message title, Instant due, Tier playbookTier)
            throws SQLException {
        long id = open(c, now, ownerId, accountId, opportunityId, source, title.toString(), due, playbookTier);
        try (PreparedStatement ps = Sql.of("UPDATE pipeline_task SET title_message = ? WHERE id = ?", title.toJson(), id).prepare(c)) {
            ps.executeUpdate();
        }
        return id;
    }

    /** A task of a tier's playbook remembers the tier: the next follows when it is done, a tier change cancels it. */
    static long open(Connection c, Instant now, long ownerId, Long accountId, Long opportunityId, Source source, String title, Instant due, Tier playbookTier)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pipeline_task (owner_id, account_id, opportunity_id, source, title, due_at, status,"
                + " created_at, playbook_tier) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", new String[] {"id"})) {
            Sql.of("?, ?, ?, ?, ?, ?, ?, ?", ownerId, accountId, opportunityId, source.name(), title.length() > 200 ? title.substring(0, 200) : title, due,
                    now, playbookTier == null ? null : playbookTier.name()).bind(ps, 1);
            return Jdbc.insertReturningId(ps);
        }
    }
}
