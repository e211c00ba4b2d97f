package dev.pacesetter.leads.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link LeadTopics#CREATED}. */
@EventPayload(topic = LeadTopics.CREATED, when = "a lead arrived (REST, web form or CSV import), graded and owned", aggregate = "the lead")
public record LeadCreated(long leadId, long ownerId, Long regionId, Long channelId, Grade grade, String source, Instant createdAt) {
}
