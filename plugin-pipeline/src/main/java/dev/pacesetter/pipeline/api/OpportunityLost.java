package dev.pacesetter.pipeline.api;

import java.time.Instant;

/** Payload of {@link PipelineTopics#LOST}. */
public record OpportunityLost(long opportunityId, long ownerId, Stage lostAt, String reason, Instant at) {
}
