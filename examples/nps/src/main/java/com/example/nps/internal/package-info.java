/** The NPS surveys module: the Pacesetter-Module header comes from here. */
@PacesetterModule(id = "nps", name = "NPS surveys", dimension = Dimension.CUSTOM)
package com.example.nps.internal;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
