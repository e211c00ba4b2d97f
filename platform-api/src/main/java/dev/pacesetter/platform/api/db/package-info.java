/**
 * Persistence for plugins: each module ships versioned SQL migrations in its bundle
 * ({@link dev.pacesetter.platform.api.db.SchemaMigrations}) and reaches the shared database through
 * {@link dev.pacesetter.platform.api.db.ModuleDatabase}, which exists only once those migrations
 * have succeeded.
 */
@Export
@Version("1.2.0")
package dev.pacesetter.platform.api.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
