package dev.pacesetter.leads.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link LeadTopics#SLA_BREACHED}: the follow-up due at {@code dueAt} was not made. */
@EventPayload(topic = LeadTopics.SLA_BREACHED, when = "a follow-up was not made in time", aggregate = "the lead")
public record LeadSlaBreached(long leadId, long ownerId, Grade grade, String touchKind, Instant dueAt) {
}
