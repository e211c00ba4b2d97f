package dev.pacesetter.platform.api.db;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's access to the shared database, registered by the kernel once the module's migrations (the
 * {@code V<version>__<description>.sql} scripts in its bundle's {@code db/migration} folder) have been applied.
 *
 * <p>Each module bundle sees exactly one: its own (another module's is hidden from it, and refused should it ask).
 * Reference it without a target; the component activates once the schema is ready:
 * <pre>
 * &#64;Activate
 * public NoteRoutes(&#64;Reference ModuleDatabase db) { … }
 * </pre>
 * Scripts must work on H2 (2.x, default mode) and PostgreSQL; tables carry the module's prefix (e.g.
 * {@code leads_lead}). A released script is never edited: add a new version instead. When one fails the module is
 * reported {@code FAILED} with the reason and nothing that needs the schema activates.
 *
 * <p>Thread-safe. Always parameterise SQL; never hold a connection beyond one unit of work.
 */
@ProviderType
public interface ModuleDatabase {

    /** Service property carrying the module id (for administrators' eyes: a bundle sees only its own database anyway). */
    String MODULE_PROPERTY = "pacesetter.module";

    String moduleId();

    /** The shared, pooled data source. */
    DataSource dataSource();

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * @throws DataAccessException wrapping an {@link java.sql.SQLException}; other exceptions pass through
     */
    <T> T inTransaction(SqlWork<T> work);

    /**
     * Appends {@code record} to the audit trail on {@code connection}, i.e. inside the transaction that
     * makes the change: the row commits or rolls back with it. The module is this module.
     *
     * <pre>
     * db.inTransaction(c -&gt; {
     *     Note before = load(c, id);   // already scoped: 404 if out of scope
     *     Note after = update(c, id, input);
     *     db.audit(c, AuditRecord.of(request, "notes", id, "update").before(before).after(after));
     *     return after;
     * });
     * </pre>
     *
     * @throws DataAccessException if the row cannot be written (the transaction then rolls back)
     */
    void audit(java.sql.Connection connection, dev.pacesetter.platform.api.audit.AuditRecord record);

    /**
     * Runs {@code action} once the transaction on {@code connection} — one {@link #inTransaction} runs — has
     * committed, and never if it rolls back: to wake a worker of the module for the rows the transaction wrote, instead
     * of having it poll. The action runs on the committing thread, so it must be quick (ring a bell, submit a task).
     *
     * <pre>
     * db.inTransaction(c -&gt; {
     *     insertDelivery(c, …);
     *     db.afterCommit(c, sender::wake);
     *     return null;
     * });
     * </pre>
     *
     * @return false (and {@code action} never runs) when {@code connection} is not a transaction of
     *         {@link #inTransaction}: keep a slow poll for work written otherwise
     * @since 2.2
     */
    boolean afterCommit(java.sql.Connection connection, Runnable action);
}
