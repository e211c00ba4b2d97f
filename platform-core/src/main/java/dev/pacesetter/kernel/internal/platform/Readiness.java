package dev.pacesetter.kernel.internal.platform;

/** Whether the kernel has finished starting (bundles installed and started) and is not shutting down. */
public interface Readiness {

    boolean kernelReady();
}
