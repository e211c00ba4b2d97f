package dev.pacesetter.pipeline.api;

import java.time.Instant;

/** Payload of {@link PipelineTopics#STAGE_CHANGED}; {@code secondsInPrevious} is the time spent in {@code from}. */
public record StageChanged(long opportunityId, long ownerId, Stage from, Stage to, long secondsInPrevious, Instant at) {
}
