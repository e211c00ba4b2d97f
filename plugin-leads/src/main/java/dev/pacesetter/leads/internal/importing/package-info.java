/** CSV imports of leads: upload checks, the worker, mapping rows to leads, duplicates, progress and the error report. */
package dev.pacesetter.leads.internal.importing;
