/**
 * Pilot roll-outs: administrators switch each module on region by region;
 * {@link dev.pacesetter.platform.api.pilot.ModuleEnablement} tells plugins where it is on.
 */
@Export
@Version("1.2.0")
package dev.pacesetter.platform.api.pilot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
