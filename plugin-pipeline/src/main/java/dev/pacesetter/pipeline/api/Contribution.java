package dev.pacesetter.pipeline.api;

import java.math.BigDecimal;

/** A member's share of an opportunity: {@code weight} between 0 and 1; an opportunity's weights add up to 1. */
public record Contribution(long userId, String role, BigDecimal weight) {
}
