package dev.pacesetter.pipeline.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * Payload of {@link PipelineTopics#HEALTH_DROPPED}: the account's health {@code score} (0-100) fell below
 * {@code threshold}; a retention task ({@code action}: "Exclusive offer" or "Tailored plan") was opened for
 * the owner. Published once per drop: not again until the score has been back at or above the threshold.
 */
@EventPayload(topic = PipelineTopics.HEALTH_DROPPED, when = "an account's health score fell below the threshold", aggregate = "the account")
public record HealthDropped(long accountId, long ownerId, int score, int threshold, String action, long taskId, Instant at) {
}
