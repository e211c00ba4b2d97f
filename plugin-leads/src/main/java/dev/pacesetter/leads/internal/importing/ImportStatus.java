package dev.pacesetter.leads.internal.importing;

/** Where an import is: waiting for the worker, being read, committed, or refused as a whole (nothing kept). */
public enum ImportStatus {
    QUEUED, RUNNING, DONE, FAILED
}
