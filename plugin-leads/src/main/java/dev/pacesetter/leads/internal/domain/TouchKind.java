package dev.pacesetter.leads.internal.domain;

import java.util.EnumSet;
import java.util.Set;

/** How a lead was touched; each kind has the outcomes it can have. */
public enum TouchKind {
    CALL, EMAIL, VISIT, CONTENT;

    /** The outcomes a touch of this kind may record. */
    public Set<TouchOutcome> outcomes() {
        return switch (this) {
            case CALL -> EnumSet.of(TouchOutcome.REACHED, TouchOutcome.NO_ANSWER, TouchOutcome.LEFT_MESSAGE, TouchOutcome.MEETING_BOOKED);
            case VISIT -> EnumSet.of(TouchOutcome.REACHED, TouchOutcome.NO_ANSWER, TouchOutcome.MEETING_BOOKED);
            case EMAIL, CONTENT -> EnumSet.of(TouchOutcome.SENT, TouchOutcome.REPLIED, TouchOutcome.BOUNCED);
        };
    }

    /** The verb a policy's rule uses: "A leads phoned within 24 hours". */
    public String verb() {
        return switch (this) {
            case CALL -> "phoned";
            case EMAIL -> "e-mailed";
            case VISIT -> "visited";
            case CONTENT -> "sent content";
        };
    }
}
