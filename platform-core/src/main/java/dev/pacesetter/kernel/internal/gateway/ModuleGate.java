package dev.pacesetter.kernel.internal.gateway;

import java.util.Optional;

import dev.pacesetter.platform.api.security.Caller;

/** Decides whether a module serves a caller at all (pilot enablement per region). */
public interface ModuleGate {

    /** Whether {@code moduleId}'s routes answer {@code caller} (empty on a public route without a token). */
    boolean admits(String moduleId, Optional<Caller> caller);
}
