package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AssignmentRuleTest {

    @Test
    void aRuleMatchesOnWhatItNamesAndTheTerritoryRegardlessOfCaseAndWidth() {
        AssignmentRule guangdong = new AssignmentRule(1, 10, null, "Guangdong", null, 7);
        assertTrue(guangdong.matches(3L, "ＧＵＡＮＧＤＯＮＧ", 5L));
        assertFalse(guangdong.matches(3L, "Hunan", 5L));
        assertFalse(guangdong.matches(3L, null, 5L), "a lead without a territory does not match a territory rule");
        AssignmentRule everything = new AssignmentRule(2, 20, null, null, null, 7);
        assertTrue(everything.matches(null, null, null));
        AssignmentRule regionAndChannel = new AssignmentRule(3, 30, 1L, null, 9L, 7);
        assertTrue(regionAndChannel.matches(1L, "anything", 9L));
        assertFalse(regionAndChannel.matches(2L, "anything", 9L));
        assertFalse(regionAndChannel.matches(1L, "anything", 8L));
    }
}
