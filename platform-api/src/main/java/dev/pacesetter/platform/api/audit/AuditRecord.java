package dev.pacesetter.platform.api.audit;

import java.util.Objects;
import java.util.Optional;

import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.security.Caller;

/**
 * One change for the audit trail: who did it (taken from the request), to which record, and the record
 * before and after. Write it with {@link dev.pacesetter.platform.api.db.ModuleDatabase#audit} on the
 * connection of the transaction that makes the change, so that the trail holds a row if and only if
 * the change committed.
 *
 * <p>{@code before} and {@code after} are serialised to JSON by the kernel; fields whose names look
 * like secrets ({@code password}, {@code token}, {@code secret}, {@code hash}, …) are replaced by
 * {@code "[redacted]"} whatever the record holds. Immutable.
 */
public final class AuditRecord {

    private final Optional<Caller> actor;
    private final String correlationId;
    private final String resource;
    private final String recordId;
    private final String action;
    private final Object before;
    private final Object after;

    private AuditRecord(Optional<Caller> actor, String correlationId, String resource, String recordId, String action, Object before,
            Object after) {
        this.actor = actor;
        this.correlationId = correlationId;
        this.resource = requireText(resource, "resource");
        this.recordId = recordId;
        this.action = requireText(action, "action");
        this.before = before;
        this.after = after;
    }

    /**
     * A change made by the caller of {@code request}.
     *
     * @param resource the top-level resource, e.g. {@code leads}
     * @param recordId the changed record's id ({@code null} for changes without one)
     * @param action what happened, e.g. {@code create}, {@code update}, {@code deactivate}
     */
    public static AuditRecord of(ApiRequest request, String resource, Object recordId, String action) {
        return new AuditRecord(request.caller(), request.correlationId(), resource, recordId == null ? null : recordId.toString(), action,
                null, null);
    }

    /** A change made by the system itself (a job, an event handler), not by a user. */
    public static AuditRecord bySystem(String resource, Object recordId, String action) {
        return new AuditRecord(Optional.empty(), null, resource, recordId == null ? null : recordId.toString(), action, null, null);
    }

    /**
     * A copy attributed to {@code actor}: for changes made by someone the request does not carry as its
     * caller yet, such as the user who is signing in.
     */
    public AuditRecord by(Caller actor) {
        return new AuditRecord(Optional.of(actor), correlationId, resource, recordId, action, before, after);
    }

    /** A copy with the record as it was before the change. */
    public AuditRecord before(Object state) {
        return new AuditRecord(actor, correlationId, resource, recordId, action, state, after);
    }

    /** A copy with the record as it is after the change. */
    public AuditRecord after(Object state) {
        return new AuditRecord(actor, correlationId, resource, recordId, action, before, state);
    }

    public Optional<Caller> actor() {
        return actor;
    }

    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    public String resource() {
        return resource;
    }

    public Optional<String> recordId() {
        return Optional.ofNullable(recordId);
    }

    public String action() {
        return action;
    }

    public Optional<Object> beforeState() {
        return Optional.ofNullable(before);
    }

    public Optional<Object> afterState() {
        return Optional.ofNullable(after);
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > 60) {
            throw new IllegalArgumentException(name + " must be 1-60 characters: '" + value + "'");
        }
        return value;
    }
}
