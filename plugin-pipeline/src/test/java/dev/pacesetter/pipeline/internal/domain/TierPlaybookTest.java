package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Test;

import dev.pacesetter.pipeline.api.Tier;

class TierPlaybookTest {

    private final TierPlaybook quarterly = new TierPlaybook(Tier.CORE, "Executive visit", Period.ofMonths(3), true);

    @Test
    void theNextTaskKeepsTheCadenceOfTheLast() {
        Instant due = Instant.parse("2025-03-31T00:00:00Z");
        assertEquals(Instant.parse("2025-06-30T00:00:00Z"), quarterly.nextDue(due, Instant.parse("2025-04-20T00:00:00Z")), "done late, still June");
        assertEquals(Instant.parse("2025-09-30T00:00:00Z"), quarterly.nextDue(due, Instant.parse("2025-07-15T00:00:00Z")),
                "more than a period late: the next occurrence that is not past");
    }

    @Test
    void periodsFromADayToAYear() {
        assertEquals(Period.ofMonths(3), TierPlaybook.parse("P3M"));
        assertEquals(Period.ofMonths(1), TierPlaybook.parse("P1M"));
        assertEquals(Period.ofDays(14), TierPlaybook.parse("P2W"));
        assertEquals(Period.ofYears(1), TierPlaybook.parse("P1Y"));
        assertNull(TierPlaybook.parse("P0D"));
        assertNull(TierPlaybook.parse("-P1M"));
        assertNull(TierPlaybook.parse("P2Y"));
        assertNull(TierPlaybook.parse("PT5H"));
        assertNull(TierPlaybook.parse("quarterly"));
    }

    @Test
    void theTaskNamesTheActionTierAndCustomer() {
        assertEquals(dev.pacesetter.platform.api.i18n.Message.of("task.playbook.title", "Executive visit",
                dev.pacesetter.platform.api.i18n.Message.of("tier.CORE"), "Acme"), quarterly.title("Acme"));
    }
}
