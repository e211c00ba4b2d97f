package com.example.nps.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Net Promoter Score: the share of promoters (9-10) less the share of detractors (0-6), from -100 to 100. Plain Java,
 * unit-tested without a kernel.
 */
final class Nps {

    enum Category { DETRACTOR, PASSIVE, PROMOTER }

    private Nps() {
    }

    static Category categoryOf(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("a score is 0 to 10, not " + score);
        }
        return score >= 9 ? Category.PROMOTER : score >= 7 ? Category.PASSIVE : Category.DETRACTOR;
    }

    /** The score of these answers, to one decimal; empty answers have none ({@code null}). */
    static BigDecimal of(Collection<Integer> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        long promoters = scores.stream().filter(s -> categoryOf(s) == Category.PROMOTER).count();
        long detractors = scores.stream().filter(s -> categoryOf(s) == Category.DETRACTOR).count();
        return BigDecimal.valueOf(100 * (promoters - detractors)).divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
    }
}
