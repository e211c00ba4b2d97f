package dev.pacesetter.pipeline.api;

/** What was done with a customer; the raw material of attribution. */
public enum ActivityKind {
    CALL, VISIT, EMAIL, PROPOSAL_SENT, PROPOSAL_REVISION, DEMO, NEEDS_CONFIRMATION_CALL, CUSTOMER_FEEDBACK
}
