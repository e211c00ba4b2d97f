package dev.pacesetter.pipeline.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * An opportunity's stage: first contact → proposal submitted → negotiation → won or lost. A proposal may go
 * back to first contact (needs changed) and a negotiation back to proposal (revision); won and lost are final.
 */
public enum Stage {
    FIRST_CONTACT, PROPOSAL_SUBMITTED, NEGOTIATION, WON, LOST;

    public Set<Stage> next() {
        return switch (this) {
            case FIRST_CONTACT -> EnumSet.of(PROPOSAL_SUBMITTED, LOST);
            case PROPOSAL_SUBMITTED -> EnumSet.of(NEGOTIATION, FIRST_CONTACT, LOST);
            case NEGOTIATION -> EnumSet.of(WON, LOST, PROPOSAL_SUBMITTED);
            case WON, LOST -> EnumSet.noneOf(Stage.class);
        };
    }

    public boolean isOpen() {
        return this != WON && this != LOST;
    }
}
