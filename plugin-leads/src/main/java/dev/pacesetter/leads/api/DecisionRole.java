package dev.pacesetter.leads.api;

/** Where the contact sits in the customer's decision chain; scores 0-2 in grading. */
public enum DecisionRole {
    UNKNOWN, INFLUENCER, DECISION_MAKER;

    public int score() {
        return ordinal();
    }
}
