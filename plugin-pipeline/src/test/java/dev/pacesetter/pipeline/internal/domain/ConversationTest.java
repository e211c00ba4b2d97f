package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConversationTest {

    private static Conversation.Objection objection(boolean resolved) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        return new Conversation.Objection(1, "budget too small", null, 7, at, resolved ? "pay in instalments" : null, resolved ? at : null);
    }

    @Test
    void anEmptyRecordIsZeroPercentAndNoObjectionCountsOnlyOnceTheSolutionWasPresented() {
        assertEquals(0, Conversation.Completeness.of(Conversation.Needs.NONE, Conversation.Solution.NONE, List.of()).percent());
        Conversation.Needs all = new Conversation.Needs("CRM", "lost leads", "sales director", "Q1", "Guangzhou", "SaaS", "200k");
        assertEquals(33, Conversation.Completeness.of(all, Conversation.Solution.NONE, List.of()).percent(), "needs only");
        assertEquals(50, Conversation.Completeness.of(all, new Conversation.Solution("reach every lead", null), List.of()).percent(),
                "half a solution, nothing to object to yet");
        assertEquals(100, Conversation.Completeness.of(all, new Conversation.Solution("reach every lead", "30% less staff cost"), List.of())
                .percent(), "presented and no objection raised");
    }

    @Test
    void eachStepWeighsAThird() {
        Conversation.Needs all = new Conversation.Needs("CRM", "lost leads", "sales director", "Q1", "Guangzhou", "SaaS", "200k");
        Conversation.Solution full = new Conversation.Solution("reach every lead in a day", "30% less staff cost, about 40,000 a month");
        assertEquals(100, Conversation.Completeness.of(all, full, List.of(objection(true))).percent());
        assertEquals(67, Conversation.Completeness.of(all, full, List.of(objection(false))).percent());
        Conversation.Needs three = new Conversation.Needs("CRM", "lost leads", "sales director", " ", null, null, null);
        Conversation.Completeness partial = Conversation.Completeness.of(three, new Conversation.Solution("reach every lead", null),
                List.of(objection(true), objection(false)));
        assertEquals(3, partial.needsAnswered());
        // (3/7 + 1/2 + 1/2) / 3 = 0.4762 → 48 %
        assertEquals(48, partial.percent());
    }
}
