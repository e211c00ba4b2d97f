package dev.pacesetter.kernel.internal.bulkhead;

import java.sql.SQLTransientConnectionException;

/**
 * A module asked for more connections than its share while the share stayed full: the module is busy, not the
 * database. Transient, so callers that retry on connection trouble retry; the gateway answers {@code 503 module_busy}.
 */
public final class ModuleBusyException extends SQLTransientConnectionException {

    private static final long serialVersionUID = 1L;

    private final String moduleId;

    ModuleBusyException(String moduleId, String message) {
        super(message, "53300"); // PostgreSQL's too_many_connections: a limit, not an outage
        this.moduleId = moduleId;
    }

    public String moduleId() {
        return moduleId;
    }

    /** The busy module behind {@code failure}, if a share refusal caused it. */
    public static java.util.Optional<String> moduleOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ModuleBusyException busy) {
                return java.util.Optional.of(busy.moduleId);
            }
        }
        return java.util.Optional.empty();
    }
}
