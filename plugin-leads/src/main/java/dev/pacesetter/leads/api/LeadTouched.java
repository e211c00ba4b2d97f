package dev.pacesetter.leads.api;

import java.time.Instant;

/** Payload of {@link LeadTopics#TOUCHED}; {@code kind} is CALL, EMAIL, VISIT or CONTENT. */
public record LeadTouched(long leadId, long touchId, String kind, long byUserId, Instant at, String outcome) {
}
