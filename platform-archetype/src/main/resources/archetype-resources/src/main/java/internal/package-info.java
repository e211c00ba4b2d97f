/** The ${moduleName} module: the Pacesetter-Module header comes from here. */
@PacesetterModule(id = "${moduleId}", name = "${moduleName}", dimension = Dimension.CUSTOM)
package ${package}.internal;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
