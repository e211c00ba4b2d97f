package dev.pacesetter.kernel.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.pacesetter.kernel.internal.i18n.MessageCatalog;
import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Severity;

class MailContentTest {

    private static final Notification BREACH = Notification.to(7, "leads.sla-breached", Severity.RED, "Lead not phoned within 24 hours")
            .body("Zhang Wei, Acme Ltd").link("/leads/42").rule("A leads phoned within 24 hours");
    private static final MessageCatalog KERNEL = MessageCatalogs.withKernelMessages().kernel();

    private static MailContent english(Notification notification, Optional<String> publicUrl) {
        return MailContent.of(notification, publicUrl, KERNEL, Language.EN);
    }

    @Test
    void theMailCarriesTitleBodyAbsoluteLinkRuleAndWhyItWasSent() {
        MailContent mail = english(BREACH, Optional.of("https://pacesetter.example.com"));
        assertEquals("[Pacesetter] RED: Lead not phoned within 24 hours", mail.subject());
        assertTrue(mail.text().startsWith("Lead not phoned within 24 hours\n\nZhang Wei, Acme Ltd\n\n"), mail.text());
        assertTrue(mail.text().contains("Open: https://pacesetter.example.com/leads/42\n"), mail.text());
        assertTrue(mail.text().contains("Rule: A leads phoned within 24 hours\n"), mail.text());
        assertTrue(mail.text().contains("\"leads.sla-breached\""), mail.text());
    }

    @Test
    void aChineseReaderGetsTheFrameInChinese() {
        Notification breach = Notification.to(7, "leads.sla-breached", Severity.RED, "A类线索超时未跟进：王芳").body("请立即电话跟进")
                .link("/leads/42").rule("A类线索24小时内电话跟进");
        MailContent mail = MailContent.of(breach, Optional.empty(), KERNEL, Language.ZH_CN);
        assertEquals("[Pacesetter]【红色预警】A类线索超时未跟进：王芳", mail.subject());
        assertTrue(mail.text().contains("查看：/leads/42\n"), mail.text());
        assertTrue(mail.text().contains("触发规则：A类线索24小时内电话跟进\n"), mail.text());
        assertTrue(mail.text().contains("“leads.sla-breached”类通知"), mail.text());
    }

    @Test
    void informationIsNotShoutedAndWithoutAPublicAddressTheLinkStaysAPath() {
        MailContent mail = english(Notification.to(7, "hello.note-saved", Severity.INFO, "Note saved").link("/hello/notes/3"), Optional.empty());
        assertEquals("[Pacesetter] Note saved", mail.subject());
        assertTrue(mail.text().contains("Open: /hello/notes/3\n"));
        assertFalse(mail.text().contains("Rule:"));
        assertEquals("[Pacesetter] WARNING: Slow", english(Notification.to(7, "a.b", Severity.WARNING, "Slow"), Optional.empty()).subject());
    }

    @Test
    void aTitleCannotAddMailHeaders() {
        MailContent mail = english(Notification.to(7, "a.b", Severity.INFO, "Hi\r\nBcc: victim@example.com\u2028x"), Optional.empty());
        assertEquals("[Pacesetter] Hi Bcc: victim@example.com x", mail.subject());
    }

    @Test
    void longTextsAreClipped() {
        MailContent mail = english(Notification.to(7, "a.b", Severity.INFO, "t".repeat(200)).body("b".repeat(9000)), Optional.empty());
        assertTrue(mail.subject().length() <= MailContent.MAX_SUBJECT);
        assertTrue(mail.text().length() <= MailContent.MAX_TEXT);
        assertTrue(mail.text().contains("b".repeat(MailContent.MAX_BODY - 1) + "…"));
    }
}
