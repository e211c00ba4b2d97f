package dev.pacesetter.kernel.internal.gateway;

import java.util.Objects;

/**
 * Who may call what: the authenticator and the module gate. The gateway starts before the database is
 * open, so both arrive later; until then protected routes answer 503 and modules serve nobody.
 */
public final class AccessControl {

    private volatile Authenticator authenticator;
    private volatile ModuleGate gate;

    /** Installs the parts once identity and enablement are open. */
    public void ready(Authenticator authenticator, ModuleGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    Authenticator authenticator() {
        return authenticator;
    }

    ModuleGate gate() {
        return gate;
    }
}
