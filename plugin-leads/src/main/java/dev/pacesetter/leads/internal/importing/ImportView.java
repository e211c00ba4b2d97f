package dev.pacesetter.leads.internal.importing;

import java.time.Instant;

/**
 * An import as the API shows it. While it runs the counts grow; they count rows in the file after the header:
 * {@code created} new leads, {@code unchanged} rows whose external id exists already, {@code duplicates} rows
 * skipped as the same person as an existing lead or an earlier row, {@code rejected} rows with invalid values (see
 * the error report). Until {@code DONE} nothing is visible in the lead list; a {@code FAILED} import kept nothing.
 */
public record ImportView(long id, String fileName, ImportStatus status, Counts counts, String failure, long createdBy, Instant startedAt,
        Instant finishedAt, String errorReport) {

    public record Counts(int rowsRead, int created, int unchanged, int duplicates, int rejected) {
    }

    public ImportView withCounts(ImportStatus liveStatus, Counts live) {
        return new ImportView(id, fileName, liveStatus, live, failure, createdBy, startedAt, finishedAt, errorReport);
    }
}
