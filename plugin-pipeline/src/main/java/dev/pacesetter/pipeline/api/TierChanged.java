package dev.pacesetter.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * Payload of {@link PipelineTopics#TIER_CHANGED}: the account moved from {@code from} (null the first time it
 * is tiered) to {@code to}, with the figures that decided it: {@code spend} in {@code currency} over the
 * thresholds' window, orders per quarter in that window, the median days between orders (null with fewer
 * than two orders) and the days since the last order (null without orders).
 */
@EventPayload(topic = PipelineTopics.TIER_CHANGED, when = "an account moved to another customer tier", aggregate = "the account")
public record TierChanged(long accountId, long ownerId, Tier from, Tier to, BigDecimal spend, String currency, BigDecimal ordersPerQuarter,
        Long repurchaseCycleDays, Long daysSinceLastOrder, String reason, Instant at) {
}
