/**
 * What a module adds to the web console: pages in the menu, widgets on the dashboard, and the static files (scripts,
 * styles, images) they load, all from the module's own bundle. A bundle registers a
 * {@link dev.pacesetter.platform.api.console.ConsoleContribution} (whiteboard); it appears in the console when the
 * bundle starts and disappears when it stops, without a restart.
 */
@Export
@Version("1.0.0")
package dev.pacesetter.platform.api.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
