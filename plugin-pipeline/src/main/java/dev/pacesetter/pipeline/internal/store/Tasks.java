package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
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

    /**
     * Opens a task whose title is one of the plugin's messages, shown in the reader's language ({@code title} keeps its
     * text as a fallback). A task of a tier's playbook remembers the tier: the next follows when it is done, a tier
     * change cancels it.
     */
    public static long open(Connection c, Instant now, long ownerId, Long accountId, Long opportunityId, Source source, Message title, Instant due,
            Tier playbookTier) throws SQLException {
        String text = title.toString();
        return (Sql.of("INSERT INTO pipeline_task (owner_id, account_id, opportunity_id, source, title, title_message, due_at,"
                + " status, created_at, playbook_tier) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", ownerId, accountId, opportunityId, source.name(),
                text.length() > 200 ? text.substring(0, 200) : text, title.toJson(), due, now, playbookTier == null ? null : playbookTier.name())).insertReturningKey(c, "id");
    }
}
