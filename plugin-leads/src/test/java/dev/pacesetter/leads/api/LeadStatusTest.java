package dev.pacesetter.leads.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class LeadStatusTest {

    @Test
    void onlyAQualifiedLeadConvertsAndClosedLeadsStayClosed() {
        assertTrue(LeadStatus.QUALIFIED.next().contains(LeadStatus.CONVERTED));
        assertFalse(LeadStatus.NEW.next().contains(LeadStatus.CONVERTED));
        assertFalse(LeadStatus.CONTACTED.next().contains(LeadStatus.CONVERTED));
        assertEquals(EnumSet.noneOf(LeadStatus.class), LeadStatus.CONVERTED.next());
        assertEquals(EnumSet.noneOf(LeadStatus.class), LeadStatus.DISQUALIFIED.next());
        assertFalse(LeadStatus.CONVERTED.isOpen());
        assertTrue(LeadStatus.CONTACTED.isOpen());
    }
}
