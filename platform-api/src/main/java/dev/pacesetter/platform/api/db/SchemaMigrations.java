package dev.pacesetter.platform.api.db;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service announcing that a module's bundle carries SQL migrations.
 *
 * <p>The kernel reads every {@code V<version>__<description>.sql} file in {@link #location()} of the
 * registering bundle and applies the pending ones in version order, keeping a history table per
 * module. When they succeed it registers the module's {@link ModuleDatabase}; when one fails the
 * module is reported {@code FAILED} with the reason and nothing that needs the schema activates.
 *
 * <p>Scripts must work on H2 (2.x, default mode) and PostgreSQL; tables carry the module's prefix
 * (e.g. {@code leads_lead}). A released script is never edited: add a new version instead.
 */
@ConsumerType
public interface SchemaMigrations {

    /** Folder inside the bundle holding the scripts. */
    default String location() {
        return "db/migration";
    }
}
