package dev.pacesetter.kernel.internal.platform;

/** Whether the kernel has finished starting and is not shutting down, and whether sign-in works yet. */
public interface Readiness {

    /** Bundles installed and started, not shutting down. */
    boolean kernelReady();

    /**
     * The first administrator exists and sign-in answers (it is created in the background after start-up,
     * a memory-hard hash away); health is not UP before, or clients would get 503 from the sign-in after a 200.
     */
    boolean signInReady();
}
