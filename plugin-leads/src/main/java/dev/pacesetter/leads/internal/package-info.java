/**
 * The leads module: channels, intake, grading, follow-ups, assignment, import and export. Its tables are in db/migration.
 *
 * <p>This package declares the module and holds its settings ({@link dev.pacesetter.leads.internal.LeadsSettings}) and the phone
 * keys they give ({@link dev.pacesetter.leads.internal.PhoneKeying}). The rest is split by concern; each package uses only the
 * ones listed above it (and this one):
 * <ul>
 * <li>{@code csv}: reading and writing CSV files (imports, exports, error reports);</li>
 * <li>{@code domain}: the rules in plain Java (grading, follow-up policy, touches, reach rate, keys, amounts, validation);</li>
 * <li>{@code store}: SQL for leads, their history, grading rules, owners and assignment rules;</li>
 * <li>{@code followup}: follow-up tasks and their deadlines;</li>
 * <li>{@code intake}: turning inputs into leads, for every way they arrive;</li>
 * <li>{@code importing}: CSV imports of leads;</li>
 * <li>{@code http}: the REST routes, and how what they answer reads in the reader's language.</li>
 * </ul>
 */
@PacesetterModule(id = "leads", name = "Leads", dimension = Dimension.PROCESS)
package dev.pacesetter.leads.internal;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
