package dev.pacesetter.platform.api.db;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's access to the shared database, registered by the kernel once the module's
 * {@link SchemaMigrations} have been applied.
 *
 * <p>Reference it with a target on the module id so the component waits for its own schema:
 * <pre>
 * &#64;Reference(target = "(" + ModuleDatabase.MODULE_PROPERTY + "=leads)") ModuleDatabase db
 * </pre>
 * Thread-safe. Always parameterise SQL; never hold a connection beyond one unit of work.
 */
@ProviderType
public interface ModuleDatabase {

    /** Service property carrying the module id. */
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
}
