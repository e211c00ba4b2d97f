package dev.pacesetter.platform.api;

/** The strategy dimensions of the performance improvement plan, plus the platform itself. */
public enum Dimension {
    /** Training, scripts, objection handling, role plays (plan dimension 1). */
    CAPABILITY,
    /** Leads, pipeline, customers (plan dimension 2). */
    PROCESS,
    /** Targets, commissions, awards, warnings (plan dimension 3). */
    INCENTIVES,
    /** KPIs, dashboards, attribution, experiments (plan dimension 4). */
    DATA,
    /** Mentoring, reviews, retrospectives (plan dimension 5). */
    TEAMWORK,
    /** Kernel services: health, modules, identity, audit. */
    PLATFORM,
    /** Anything an integrator adds that fits none of the above. */
    CUSTOM
}
