package dev.pacesetter.leads.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link LeadTopics#TOUCHED}; {@code kind} is CALL, EMAIL, VISIT or CONTENT. */
@EventPayload(topic = LeadTopics.TOUCHED, when = "a call, e-mail, visit or content was recorded on a lead", aggregate = "the lead")
public record LeadTouched(long leadId, long touchId, String kind, long byUserId, Instant at, String outcome) {
}
