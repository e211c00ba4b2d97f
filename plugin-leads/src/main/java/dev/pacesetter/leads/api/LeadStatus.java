package dev.pacesetter.leads.api;

import java.util.EnumSet;
import java.util.Set;

/** A lead's life: new → contacted → qualified → converted, or disqualified (with a reason) before converting. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, CONVERTED, DISQUALIFIED;

    /** The statuses this one may move to. */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, QUALIFIED, DISQUALIFIED);
            case CONTACTED -> EnumSet.of(QUALIFIED, DISQUALIFIED);
            case QUALIFIED -> EnumSet.of(CONVERTED, DISQUALIFIED);
            case CONVERTED, DISQUALIFIED -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    /** Whether the lead is still worked on (follow-ups apply). */
    public boolean isOpen() {
        return this == NEW || this == CONTACTED || this == QUALIFIED;
    }
}
