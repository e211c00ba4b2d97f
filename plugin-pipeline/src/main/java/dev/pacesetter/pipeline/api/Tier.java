package dev.pacesetter.pipeline.api;

/** A customer's tier by spend, repurchase cycle and demand frequency. */
public enum Tier {
    CORE, GROWTH, POTENTIAL, DORMANT
}
