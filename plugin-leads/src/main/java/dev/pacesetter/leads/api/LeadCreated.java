package dev.pacesetter.leads.api;

import java.time.Instant;

/** Payload of {@link LeadTopics#CREATED}. */
public record LeadCreated(long leadId, long ownerId, Long regionId, Long channelId, Grade grade, String source, Instant createdAt) {
}
