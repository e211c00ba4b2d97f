package dev.pacesetter.pipeline.api;

/** Topics of the events the pipeline module publishes; the aggregate is the opportunity's (or account's) id. */
public final class PipelineTopics {

    public static final String OPPORTUNITY_CREATED = "pipeline/opportunity.created";
    public static final String STAGE_CHANGED = "pipeline/opportunity.stage-changed";
    /** {@link OpportunityWon}: amount, owner, supporters and their weights (bonus pools use them). */
    public static final String WON = "pipeline/opportunity.won";
    public static final String LOST = "pipeline/opportunity.lost";
    public static final String DEADLINE_MISSED = "pipeline/opportunity.deadline-missed";
    /** Aggregate: the account. */
    public static final String TIER_CHANGED = "pipeline/account.tier-changed";
    /** Aggregate: the account. */
    public static final String HEALTH_DROPPED = "pipeline/account.health-dropped";

    private PipelineTopics() {
    }
}
