package dev.pacesetter.kernel.internal.db;

import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must wait until a transaction has committed — waking event delivery for the events it wrote, the mail
 * sender for its e-mails: woken earlier, they would look before the rows are visible and go back to sleep. Keyed by
 * the connection of a transaction {@link KernelModuleDatabase} runs; a hook registered twice runs once.
 */
public final class CommitHooks {

    private static final Logger LOG = LoggerFactory.getLogger(CommitHooks.class);

    private final Map<Connection, Set<Runnable>> open = new ConcurrentHashMap<>();

    void begin(Connection connection) {
        open.put(connection, new LinkedHashSet<>(2));
    }

    /**
     * Runs {@code hook} once the transaction on {@code connection} commits, never if it rolls back.
     *
     * @return false when {@code connection} is not in a transaction the kernel runs (a plugin that manages its own
     *         transactions on {@code dataSource()}): the hook is not registered, and the caller relies on polling
     */
    public boolean afterCommit(Connection connection, Runnable hook) {
        Set<Runnable> hooks = open.get(connection);
        if (hooks == null) {
            return false;
        }
        synchronized (hooks) {
            hooks.add(hook);
        }
        return true;
    }

    void committed(Connection connection) {
        Set<Runnable> hooks = open.remove(connection);
        if (hooks == null) {
            return;
        }
        synchronized (hooks) {
            for (Runnable hook : hooks) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    LOG.warn("An after-commit hook failed; what it would have started happens at its next poll", e);
                }
            }
        }
    }

    void ended(Connection connection) {
        open.remove(connection);
    }
}
