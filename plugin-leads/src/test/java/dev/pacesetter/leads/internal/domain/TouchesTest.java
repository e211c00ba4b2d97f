package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class TouchesTest {

    @Test
    void aCallPolicyNeedsAConversationByPhoneOrInPerson() {
        assertTrue(Touches.satisfies(TouchKind.CALL, TouchKind.CALL, TouchOutcome.REACHED));
        assertTrue(Touches.satisfies(TouchKind.CALL, TouchKind.CALL, TouchOutcome.MEETING_BOOKED));
        assertTrue(Touches.satisfies(TouchKind.CALL, TouchKind.VISIT, TouchOutcome.REACHED));
        assertFalse(Touches.satisfies(TouchKind.CALL, TouchKind.CALL, TouchOutcome.NO_ANSWER));
        assertFalse(Touches.satisfies(TouchKind.CALL, TouchKind.CALL, TouchOutcome.LEFT_MESSAGE));
        assertFalse(Touches.satisfies(TouchKind.CALL, TouchKind.EMAIL, TouchOutcome.REPLIED));
        assertFalse(Touches.satisfies(TouchKind.CALL, TouchKind.CONTENT, TouchOutcome.SENT));
    }

    @Test
    void aVisitPolicyNeedsAVisitThatMetThePerson() {
        assertTrue(Touches.satisfies(TouchKind.VISIT, TouchKind.VISIT, TouchOutcome.MEETING_BOOKED));
        assertFalse(Touches.satisfies(TouchKind.VISIT, TouchKind.VISIT, TouchOutcome.NO_ANSWER));
        assertFalse(Touches.satisfies(TouchKind.VISIT, TouchKind.CALL, TouchOutcome.REACHED));
    }

    @Test
    void contentAndEmailPoliciesTakeADeliveryOrAConversation() {
        assertTrue(Touches.satisfies(TouchKind.CONTENT, TouchKind.CONTENT, TouchOutcome.SENT));
        assertTrue(Touches.satisfies(TouchKind.CONTENT, TouchKind.EMAIL, TouchOutcome.SENT));
        assertTrue(Touches.satisfies(TouchKind.CONTENT, TouchKind.CALL, TouchOutcome.REACHED));
        assertFalse(Touches.satisfies(TouchKind.CONTENT, TouchKind.EMAIL, TouchOutcome.BOUNCED));
        assertFalse(Touches.satisfies(TouchKind.CONTENT, TouchKind.CALL, TouchOutcome.NO_ANSWER));
        assertTrue(Touches.satisfies(TouchKind.EMAIL, TouchKind.EMAIL, TouchOutcome.REPLIED));
        assertTrue(Touches.satisfies(TouchKind.EMAIL, TouchKind.VISIT, TouchOutcome.REACHED));
        assertFalse(Touches.satisfies(TouchKind.EMAIL, TouchKind.CONTENT, TouchOutcome.SENT));
    }

    @Test
    void attemptsDoNotCountAsContact() {
        assertTrue(Touches.gotThrough(TouchKind.EMAIL, TouchOutcome.SENT));
        assertFalse(Touches.gotThrough(TouchKind.CALL, TouchOutcome.LEFT_MESSAGE));
        assertFalse(Touches.gotThrough(TouchKind.CONTENT, TouchOutcome.BOUNCED));
    }

    @Test
    void eachKindHasItsOwnOutcomes() {
        assertEquals(EnumSet.of(TouchOutcome.REACHED, TouchOutcome.NO_ANSWER, TouchOutcome.LEFT_MESSAGE, TouchOutcome.MEETING_BOOKED),
                TouchKind.CALL.outcomes());
        assertFalse(TouchKind.EMAIL.outcomes().contains(TouchOutcome.REACHED));
        assertFalse(TouchKind.VISIT.outcomes().contains(TouchOutcome.SENT));
        for (TouchKind kind : TouchKind.values()) {
            for (TouchOutcome outcome : TouchOutcome.values()) {
                if (!kind.outcomes().contains(outcome)) {
                    for (TouchKind wanted : TouchKind.values()) {
                        assertFalse(Touches.satisfies(wanted, kind, outcome), wanted + " met by impossible " + kind + " " + outcome);
                    }
                }
            }
        }
    }
}
