package dev.pacesetter.leads.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reach rate of one group: of the follow-ups that came due, the share met by a satisfying touch at or before their
 * due time. {@code due} = reached + missed; follow-ups still open and not yet due are {@code pending} and left out
 * (they are neither reached nor missed yet); cancelled ones (regraded, converted, disqualified) are not due at all.
 *
 * @param name what people call the group: the rep's display name, the team's name, the region's name
 * @param code the short identifier beside it, for programs: the rep's user name, the region's code; null for teams
 * @param rate reached ÷ due with {@value #SCALE} decimals, rounded half up; null when nothing came due
 */
public record ReachRate(String key, Object id, String name, String code, long due, long reached, long missed, long pending, BigDecimal rate) {

    public static final int SCALE = 4;

    public static ReachRate of(String key, Object id, String name, long reached, long missed, long pending) {
        return of(key, id, name, null, reached, missed, pending);
    }

    public static ReachRate of(String key, Object id, String name, String code, long reached, long missed, long pending) {
        return new ReachRate(key, id, name, code, reached + missed, reached, missed, pending, rate(reached, reached + missed));
    }

    /** {@code reached / due}, {@value #SCALE} places, HALF_UP; null for {@code due == 0}. */
    public static BigDecimal rate(long reached, long due) {
        if (reached < 0 || due < 0 || reached > due) {
            throw new IllegalArgumentException("reached " + reached + " of " + due);
        }
        return due == 0 ? null : BigDecimal.valueOf(reached).divide(BigDecimal.valueOf(due), SCALE, RoundingMode.HALF_UP);
    }

    /** The sum of several groups (the total line). */
    public static ReachRate total(Iterable<ReachRate> groups) {
        long reached = 0;
        long missed = 0;
        long pending = 0;
        for (ReachRate g : groups) {
            reached += g.reached;
            missed += g.missed;
            pending += g.pending;
        }
        return of("total", null, "total", reached, missed, pending);
    }
}
