package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReachRateTest {

    @Test
    void theRateHasFourPlacesRoundedHalfUp() {
        assertEquals(new BigDecimal("0.6667"), ReachRate.rate(2, 3));
        assertEquals(new BigDecimal("0.3333"), ReachRate.rate(1, 3));
        assertEquals(new BigDecimal("0.1667"), ReachRate.rate(1, 6));
        assertEquals(new BigDecimal("0.0001"), ReachRate.rate(1, 20_000), "0.00005 rounds up");
        assertEquals(new BigDecimal("0.0000"), ReachRate.rate(1, 20_001));
        assertEquals(new BigDecimal("1.0000"), ReachRate.rate(7, 7));
        assertEquals(new BigDecimal("0.0000"), ReachRate.rate(0, 7));
        assertNull(ReachRate.rate(0, 0), "nothing due: no rate rather than 0 or 1");
        assertThrows(IllegalArgumentException.class, () -> ReachRate.rate(3, 2));
    }

    @Test
    void dueIsReachedPlusMissedAndPendingStaysOut() {
        ReachRate rep = ReachRate.of("rep", 5L, "rep1", 1, 1, 4);
        assertEquals(2, rep.due());
        assertEquals(new BigDecimal("0.5000"), rep.rate());
        ReachRate total = ReachRate.total(List.of(rep, ReachRate.of("rep", 6L, "rep2", 2, 0, 0), ReachRate.of("rep", 7L, "rep3", 0, 0, 3)));
        assertEquals(4, total.due());
        assertEquals(3, total.reached());
        assertEquals(7, total.pending());
        assertEquals(new BigDecimal("0.7500"), total.rate());
        assertNull(ReachRate.of("rep", 7L, "rep3", 0, 0, 3).rate());
    }
}
