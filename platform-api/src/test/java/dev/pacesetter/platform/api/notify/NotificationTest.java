package dev.pacesetter.platform.api.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.i18n.Message;

class NotificationTest {

    @Test
    void titleBodyAndRuleMayBeMessagesToRenderForTheReader() {
        Message title = Message.of("lead.sla.title", "王芳".repeat(150));
        Notification n = Notification.to(7, "leads.sla-breached", Severity.RED, title).body(Message.of("lead.sla.body"))
                .rule(Message.of("rule.first", "A"));
        assertEquals(Optional.of(title), n.titleMessage());
        assertEquals(Optional.of(Message.of("lead.sla.body")), n.bodyMessage());
        assertEquals(Optional.of(Message.of("rule.first", "A")), n.ruleMessage());
        assertEquals(Optional.of("lead.sla.body"), n.bodyText(), "the plain forms name the message, for logs");
    }

    @Test
    void fixedTextsKeepTheirRules() {
        Notification n = Notification.to(7, "a.b", Severity.INFO, "Note saved").body("x").rule("every note");
        assertEquals("Note saved", n.title());
        assertEquals(Optional.empty(), n.titleMessage());
        assertThrows(IllegalArgumentException.class, () -> Notification.to(7, "a.b", Severity.INFO, "t".repeat(201)));
        assertThrows(IllegalArgumentException.class, () -> Notification.to(7, "a.b", Severity.INFO, " "));
    }
}
