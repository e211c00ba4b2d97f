package dev.pacesetter.pipeline.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link PipelineTopics#LOST}. */
@EventPayload(topic = PipelineTopics.LOST, when = "an opportunity was lost, with the reason", aggregate = "the opportunity")
public record OpportunityLost(long opportunityId, long ownerId, Stage lostAt, String reason, Instant at) {
}
