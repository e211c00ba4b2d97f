package dev.pacesetter.pipeline.api;

import java.time.Instant;

/** Payload of {@link PipelineTopics#DEADLINE_MISSED}: the opportunity sat in {@code stage} past its deadline. */
public record DeadlineMissed(long opportunityId, long ownerId, Stage stage, Instant dueAt, String rule) {
}
