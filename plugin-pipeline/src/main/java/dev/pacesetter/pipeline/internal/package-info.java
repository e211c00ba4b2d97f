/**
 * The pipeline module: accounts, opportunities and their stages, activities, orders, customer tiers and health. Its tables are in db/migration.
 *
 * <p>This package only declares the module (bnd writes the annotation into the manifest). The code is in sub-packages by
 * concern: {@code http} (REST resources), {@code store} (tables), {@code domain} (rules in plain Java), {@code customers}
 * (tiers and health kept up to date), {@code deadlines} (stage deadlines) and {@code leads} (converted leads). {@code domain}
 * depends on none of the others, {@code store} only on {@code domain}, {@code http} on any of them.
 */
@PacesetterModule(id = "pipeline", name = "Pipeline", dimension = Dimension.PROCESS)
package dev.pacesetter.pipeline.internal;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
