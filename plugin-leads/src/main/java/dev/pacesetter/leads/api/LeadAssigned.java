package dev.pacesetter.leads.api;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link LeadTopics#ASSIGNED}; {@code fromOwnerId} is null for the first owner. */
@EventPayload(topic = LeadTopics.ASSIGNED, when = "a lead changed owner (or got its first)", aggregate = "the lead")
public record LeadAssigned(long leadId, Long fromOwnerId, long toOwnerId, String reason) {
}
