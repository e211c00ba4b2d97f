package dev.pacesetter.leads.api;

/** How strongly the lead wants to buy; scores 0-2 in grading. */
public enum Intent {
    LOW, MEDIUM, HIGH;

    public int score() {
        return ordinal();
    }
}
