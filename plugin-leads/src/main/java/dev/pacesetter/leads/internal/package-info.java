/** The leads module: channels, intake, grading, follow-ups, assignment, import and export. Its tables are in db/migration. */
@PacesetterModule(id = "leads", name = "Leads", dimension = Dimension.PROCESS)
package dev.pacesetter.leads.internal;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
