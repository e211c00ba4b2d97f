package dev.pacesetter.pipeline.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link PipelineTopics#DEADLINE_MISSED}: the opportunity sat in {@code stage} past its deadline. */
@EventPayload(topic = PipelineTopics.DEADLINE_MISSED, when = "an opportunity sat in a stage past its deadline without customer feedback", aggregate = "the opportunity")
public record DeadlineMissed(long opportunityId, long ownerId, Stage stage, Instant dueAt, String rule) {
}
