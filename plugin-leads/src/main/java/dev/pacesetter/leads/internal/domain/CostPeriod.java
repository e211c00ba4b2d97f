package dev.pacesetter.leads.internal.domain;

/** The period a channel's cost covers. */
public enum CostPeriod {
    MONTH, QUARTER, YEAR
}
