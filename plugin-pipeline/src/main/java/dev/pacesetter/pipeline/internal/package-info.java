/** The pipeline module: accounts, opportunities and their stages, activities, orders, customer tiers and health. Its tables are in db/migration. */
@PacesetterModule(id = "pipeline", name = "Pipeline", dimension = Dimension.PROCESS)
package dev.pacesetter.pipeline.internal;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
