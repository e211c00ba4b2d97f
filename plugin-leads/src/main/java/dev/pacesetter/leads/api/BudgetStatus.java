package dev.pacesetter.leads.api;

/** Whether the lead has a budget; scores 0-2 in grading. */
public enum BudgetStatus {
    NONE, UNCONFIRMED, CONFIRMED;

    public int score() {
        return ordinal();
    }
}
