package dev.pacesetter.kernel.internal.modules;

/** A module's state as reported by {@code GET /api/v1/modules}. */
public enum ModuleState {
    /** Installed but not resolved yet. */
    INSTALLED,
    /** Starting: bundle starting, or its migrations running. */
    STARTING,
    /** Serving. */
    ACTIVE,
    /** Bundle stopping; its routes answer 503. */
    STOPPING,
    /** Stopped on purpose by an administrator. */
    STOPPED,
    /** Could not start: see the reason. */
    FAILED;

    /** Whether health may report UP with a module in this state (nothing is still in progress). */
    public boolean isSettled() {
        return this == ACTIVE || this == STOPPED || this == FAILED;
    }
}
