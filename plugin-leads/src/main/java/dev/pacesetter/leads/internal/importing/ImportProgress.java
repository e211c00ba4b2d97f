package dev.pacesetter.leads.internal.importing;

/**
 * The counters of a running import, kept in memory by the node running it (read by the status route at once) and
 * copied to {@code leads_import} in a short transaction of its own every second, so that other nodes see them too.
 * Written by the worker thread only.
 */
public final class ImportProgress {

    volatile ImportStatus status = ImportStatus.QUEUED;
    volatile int rowsRead;
    volatile int created;
    volatile int unchanged;
    volatile int duplicates;
    volatile int rejected;

    /** Where the import is. */
    public ImportStatus status() {
        return status;
    }

    public ImportView.Counts counts() {
        return new ImportView.Counts(rowsRead, created, unchanged, duplicates, rejected);
    }
}
