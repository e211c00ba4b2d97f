package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.pacesetter.pipeline.api.Stage;

class StageDeadlinePolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
    private final StageDeadlinePolicy proposal = new StageDeadlinePolicy(Stage.PROPOSAL_SUBMITTED, "P3D",
            "proposal submitted and no customer feedback for 3 days: customer care reminder", true);

    @Test
    void theReminderIsDueThreeDaysAfterTheProposalOrTheLastFeedback() {
        Instant submitted = clock.instant();
        assertEquals(Instant.parse("2026-11-05T09:00:00Z"), proposal.dueAfter(submitted));
        Instant feedbackOnDayTwo = submitted.plus(Duration.ofDays(1)).plus(Duration.ofHours(6));
        assertEquals(Instant.parse("2026-11-06T15:00:00Z"), proposal.dueAfter(feedbackOnDayTwo), "feedback restarts the three days");
    }

    @Test
    void stagesMoveOnlyAlongThePipelineAndClosedOnesStayClosed() {
        assertTrue(Stage.FIRST_CONTACT.next().contains(Stage.PROPOSAL_SUBMITTED));
        assertFalse(Stage.FIRST_CONTACT.next().contains(Stage.WON), "no winning without a proposal and a negotiation");
        assertTrue(Stage.NEGOTIATION.next().contains(Stage.PROPOSAL_SUBMITTED), "a revision goes back to the proposal");
        assertTrue(Stage.WON.next().isEmpty());
        assertTrue(Stage.LOST.next().isEmpty());
        assertFalse(Stage.WON.isOpen());
    }
}
