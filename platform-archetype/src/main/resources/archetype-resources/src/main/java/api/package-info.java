/**
 * What other plugins may use of the ${moduleName} module: its event topics and payloads. Exported and versioned: an
 * addition is a minor version, anything else a major one.
 */
@Export
@Version("1.0.0")
package ${package}.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
