package dev.pacesetter.kernel.internal.notify;

import static dev.pacesetter.kernel.internal.notify.Channel.BOTH;
import static dev.pacesetter.kernel.internal.notify.Channel.EMAIL;
import static dev.pacesetter.kernel.internal.notify.Channel.INBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

    private static DeliveryPlan plan(Channel forKind, Channel userDefault, Channel platformDefault) {
        return DeliveryPlan.decide(Optional.ofNullable(forKind), Optional.ofNullable(userDefault), platformDefault, true, true);
    }

    @Test
    void theKindsChoiceWinsOverTheUsersDefaultWhichWinsOverThePlatforms() {
        assertEquals(EMAIL, plan(EMAIL, BOTH, INBOX).channel());
        assertEquals(BOTH, plan(null, BOTH, INBOX).channel());
        assertEquals(INBOX, plan(null, null, INBOX).channel());
        assertEquals(EMAIL, plan(null, null, EMAIL).channel());
        assertEquals(INBOX, plan(INBOX, EMAIL, BOTH).channel(), "choosing the inbox for one kind overrides an e-mail default");
    }

    @Test
    void eachChannelGoesWhereItSays() {
        assertEquals(new DeliveryPlan(INBOX, true, false), plan(INBOX, null, INBOX));
        assertEquals(new DeliveryPlan(EMAIL, false, true), plan(EMAIL, null, INBOX), "e-mail only keeps it out of the inbox");
        assertEquals(new DeliveryPlan(BOTH, true, true), plan(BOTH, null, INBOX));
    }

    @Test
    void withoutAnAddressTheInboxStandsInForTheEmail() {
        DeliveryPlan plan = DeliveryPlan.decide(Optional.of(EMAIL), Optional.empty(), INBOX, false, true);
        assertTrue(plan.inbox());
        assertFalse(plan.email());
        assertEquals(EMAIL, plan.channel(), "the choice is kept; it applies once the user has an address");
    }

    @Test
    void whileEmailIsOffTheMailIsQueuedAndTheInboxShowsTheNotificationToo() {
        DeliveryPlan plan = DeliveryPlan.decide(Optional.of(EMAIL), Optional.empty(), INBOX, true, false);
        assertTrue(plan.email(), "queued, sent once SMTP is configured");
        assertTrue(plan.inbox(), "meanwhile nobody misses the alert");
        assertEquals(new DeliveryPlan(INBOX, true, false), DeliveryPlan.decide(Optional.empty(), Optional.empty(), INBOX, true, false));
    }

    @Test
    void channelsParseInAnyCaseAndNothingElse() {
        assertEquals(Optional.of(EMAIL), Channel.parse("email"));
        assertEquals(Optional.of(BOTH), Channel.parse(" Both "));
        assertEquals(Optional.empty(), Channel.parse("sms"));
        assertEquals(Optional.empty(), Channel.parse(null));
    }

    @Test
    void kindsAreThoseAPluginCanRaiseOrTheStarForEveryKind() {
        assertTrue(PreferenceRoutes.validKind("leads.sla-breached"));
        assertTrue(PreferenceRoutes.validKind("*"));
        assertFalse(PreferenceRoutes.validKind("Leads.SLA"));
        assertFalse(PreferenceRoutes.validKind("leads"));
        assertFalse(PreferenceRoutes.validKind("999999999"));
        assertFalse(PreferenceRoutes.validKind("**"));
        assertFalse(PreferenceRoutes.validKind(null));
    }
}
