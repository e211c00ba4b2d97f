package dev.pacesetter.kernel.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Severity;

class MailContentTest {

    private static final Notification BREACH = Notification.to(7, "leads.sla-breached", Severity.RED, "Lead not phoned within 24 hours")
            .body("Zhang Wei, Acme Ltd").link("/leads/42").rule("A leads phoned within 24 hours");

    @Test
    void theMailCarriesTitleBodyAbsoluteLinkRuleAndWhyItWasSent() {
        MailContent mail = MailContent.of(BREACH, Optional.of("https://pacesetter.example.com"));
        assertEquals("[Pacesetter] RED: Lead not phoned within 24 hours", mail.subject());
        assertTrue(mail.text().startsWith("Lead not phoned within 24 hours\n\nZhang Wei, Acme Ltd\n\n"), mail.text());
        assertTrue(mail.text().contains("Open: https://pacesetter.example.com/leads/42\n"), mail.text());
        assertTrue(mail.text().contains("Rule: A leads phoned within 24 hours\n"), mail.text());
        assertTrue(mail.text().contains("\"leads.sla-breached\""), mail.text());
    }

    @Test
    void informationIsNotShoutedAndWithoutAPublicAddressTheLinkStaysAPath() {
        MailContent mail = MailContent.of(Notification.to(7, "hello.note-saved", Severity.INFO, "Note saved").link("/hello/notes/3"), Optional.empty());
        assertEquals("[Pacesetter] Note saved", mail.subject());
        assertTrue(mail.text().contains("Open: /hello/notes/3\n"));
        assertFalse(mail.text().contains("Rule:"));
        assertEquals("[Pacesetter] WARNING: Slow", MailContent.of(Notification.to(7, "a.b", Severity.WARNING, "Slow"), Optional.empty()).subject());
    }

    @Test
    void aTitleCannotAddMailHeaders() {
        MailContent mail = MailContent.of(Notification.to(7, "a.b", Severity.INFO, "Hi\r\nBcc: victim@example.com\u2028x"), Optional.empty());
        assertEquals("[Pacesetter] Hi Bcc: victim@example.com x", mail.subject());
    }

    @Test
    void longTextsAreClipped() {
        MailContent mail = MailContent.of(Notification.to(7, "a.b", Severity.INFO, "t".repeat(200)).body("b".repeat(9000)), Optional.empty());
        assertTrue(mail.subject().length() <= MailContent.MAX_SUBJECT);
        assertTrue(mail.text().length() <= MailContent.MAX_TEXT);
        assertTrue(mail.text().contains("b".repeat(MailContent.MAX_BODY - 1) + "…"));
    }
}
