package dev.pacesetter.leads.api;

import java.time.Instant;

/** Payload of {@link LeadTopics#SLA_BREACHED}: the follow-up due at {@code dueAt} was not made. */
public record LeadSlaBreached(long leadId, long ownerId, Grade grade, String touchKind, Instant dueAt) {
}
