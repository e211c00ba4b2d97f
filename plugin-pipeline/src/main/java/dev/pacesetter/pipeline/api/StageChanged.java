package dev.pacesetter.pipeline.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link PipelineTopics#STAGE_CHANGED}; {@code secondsInPrevious} is the time spent in {@code from}. */
@EventPayload(topic = PipelineTopics.STAGE_CHANGED, when = "an opportunity moved to another stage", aggregate = "the opportunity")
public record StageChanged(long opportunityId, long ownerId, Stage from, Stage to, long secondsInPrevious, Instant at) {
}
