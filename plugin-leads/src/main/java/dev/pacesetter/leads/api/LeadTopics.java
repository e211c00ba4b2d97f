package dev.pacesetter.leads.api;

/** Topics of the events the leads module publishes; the aggregate of each is the lead's id. */
public final class LeadTopics {

    /** {@link LeadCreated}: a lead arrived (REST, web form or import). */
    public static final String CREATED = "leads/lead.created";
    /** {@link LeadGraded}: an edit gave a lead a grade different from its previous one (its first grade is in {@link LeadCreated}). */
    public static final String GRADED = "leads/lead.graded";
    /** {@link LeadAssigned}: a lead changed owner. */
    public static final String ASSIGNED = "leads/lead.assigned";
    /** {@link LeadTouched}: a call, e-mail, visit or content was recorded. */
    public static final String TOUCHED = "leads/lead.touched";
    /** {@link LeadSlaBreached}: a follow-up was not made in time. */
    public static final String SLA_BREACHED = "leads/lead.sla-breached";
    /** {@link LeadConverted}: a qualified lead became an account and an opportunity. */
    public static final String CONVERTED = "leads/lead.converted";
    /** {@link LeadDisqualified}. */
    public static final String DISQUALIFIED = "leads/lead.disqualified";

    private LeadTopics() {
    }
}
