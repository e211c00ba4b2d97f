/**
 * Persistence for plugins: each module ships versioned SQL migrations in its bundle's {@code db/migration} folder,
 * which the kernel applies when the bundle starts (the {@code Pacesetter-Module} header is all it needs), and reaches
 * the shared database through its own {@link dev.pacesetter.platform.api.db.ModuleDatabase}, which exists only once
 * those migrations have succeeded.
 *
 * <p>2.0.0: the {@code SchemaMigrations} marker service is gone (the kernel finds the scripts itself), and each
 * module's database is visible to its own bundle only. 2.1.0: {@code Sql.insertReturningKey} and {@code Sql.batch}.
 */
@Export
@Version("2.2.0")
package dev.pacesetter.platform.api.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
