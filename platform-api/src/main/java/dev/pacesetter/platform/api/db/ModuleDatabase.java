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
}
