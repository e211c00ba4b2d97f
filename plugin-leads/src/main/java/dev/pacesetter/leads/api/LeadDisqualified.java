package dev.pacesetter.leads.api;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link LeadTopics#DISQUALIFIED}. */
@EventPayload(topic = LeadTopics.DISQUALIFIED, when = "a lead was disqualified", aggregate = "the lead")
public record LeadDisqualified(long leadId, long ownerId, String reason) {
}
