package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * E-mail notifications end to end: the hello fixture notifies a note's owner, the kernel sends the mail
 * to a real SMTP server in this process (GreenMail, with SMTP authentication), and the test reads it back.
 */
class MailIT {

    static final String SMTP_LOGIN = "mailer";
    static final String SMTP_PASSWORD = "mailer-password";
    static final String PUBLIC_URL = "https://pacesetter.example.com";
    static final Duration MAIL_WAIT = Duration.ofSeconds(20);

    @Nested
    class OnH2 extends Delivered {
        OnH2() {
            super(Database.H2);
        }
    }

    @Nested
    class OnPostgres extends Delivered {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class SmtpDownOnH2 extends SmtpDown {
        SmtpDownOnH2() {
            super(Database.H2);
        }
    }

    @Nested
    class SmtpDownOnPostgres extends SmtpDown {
        SmtpDownOnPostgres() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class NotConfiguredOnH2 extends NotConfigured {
        NotConfiguredOnH2() {
            super(Database.H2);
        }
    }

    @Nested
    class NotConfiguredOnPostgres extends NotConfigured {
        NotConfiguredOnPostgres() {
            super(Database.POSTGRES);
        }
    }

    /** The organisation, with GreenMail up from the start. */
    abstract static class Delivered extends OrganisationScenarios {

        private final int smtpPort;
        private GreenMail smtp;

        Delivered(Database database) {
            this(database, freePort());
        }

        private Delivered(Database database, int smtpPort) {
            super(database, List.of("hello-v1"), smtpFlags(smtpPort, "--mail-timeout-ms=5000"));
            this.smtpPort = smtpPort;
        }

        @BeforeAll
        void startSmtpAndGiveAddresses() {
            smtp = startSmtp(smtpPort);
            for (String persona : List.of("rep1", "rep2", "marketing1", "hr1", "regional1", "integrator1")) {
                setEmail(persona, persona + "@example.com");
            }
        }

        @AfterAll
        void stopSmtp() {
            if (smtp != null) {
                smtp.stop();
            }
        }

        @Test
        void anEmailPreferenceSendsTheNotificationByMailOnly() throws Exception {
            Http rep = org.as("rep1");
            assertEquals(200, rep.put("/api/v1/me/language", "{\"language\":\"en\"}").status(), "the mail is written in the recipient's language");
            Http.Result chosen = rep.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"EMAIL\"}");
            assertEquals(200, chosen.status(), chosen.body());
            assertEquals("EMAIL", chosen.json().path("channel").asText());

            long note = note(rep, "urgent: call Acme back");
            MimeMessage mail = awaitMail(smtp, "rep1@example.com", "urgent: call Acme back");
            assertEquals("[Pacesetter] RED: Note saved", mail.getSubject());
            assertEquals("pacesetter@example.com", ((InternetAddress) mail.getFrom()[0]).getAddress());
            assertEquals("rep1@example.com", ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            String text = text(mail);
            assertTrue(text.startsWith("Note saved"), text);
            assertTrue(text.contains("Open: " + PUBLIC_URL + "/hello/notes/" + note), text);
            assertTrue(text.contains("Rule: every note is confirmed to its owner"), text);
            assertEquals("auto-generated", mail.getHeader("Auto-Submitted")[0]);

            assertFalse(inboxLinks(rep).contains("/hello/notes/" + note), "e-mail only: not in the inbox");
            KernelHarness.await(MAIL_WAIT, () -> outbox("rep1").stream().anyMatch(m -> m.path("state").asText().equals("SENT")),
                    "the outbox never showed the mail as sent");
        }

        @Test
        void bothSendsAMailAndKeepsTheInboxEntry() throws Exception {
            Http marketing = org.as("marketing1");
            assertEquals(200, marketing.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"both\"}").status());
            long note = note(marketing, "campaign brief");
            MimeMessage mail = awaitMail(smtp, "marketing1@example.com", "campaign brief");
            assertTrue(inboxLinks(marketing).contains("/hello/notes/" + note));
            String text = text(mail);
            // marketing1 chose no language: the default, Simplified Chinese
            assertTrue(text.contains("查看：" + PUBLIC_URL + "/hello/notes/" + note), text);
            assertTrue(text.startsWith("笔记已保存"), text);
            assertTrue(text.contains("触发规则：每条笔记保存后都会通知其所有者"), text);
            assertTrue(text.contains("您收到这封邮件"), text);
        }

        @Test
        void theDefaultInboxSendsNoMail() {
            Http rep = org.as("rep2");
            JsonNode prefs = rep.get("/api/v1/notification-preferences").json();
            assertEquals("INBOX", prefs.path("default").path("channel").asText(), prefs.toString());
            assertFalse(prefs.path("default").path("chosen").asBoolean());
            assertEquals("rep2@example.com", prefs.path("email").asText());
            assertTrue(prefs.path("emailEnabled").asBoolean());

            long note = note(rep, "inbox only");
            assertTrue(inboxLinks(rep).contains("/hello/notes/" + note));
            assertEquals(List.of(), outbox("rep2"), "the outbox row would be written with the notification: none means no mail, ever");
            JsonNode received = rep.get("/api/v1/notification-preferences").json().path("items");
            assertEquals("hello.note-saved", received.get(0).path("kind").asText(), "kinds received so far are offered: " + received);
            assertEquals("INBOX", received.get(0).path("channel").asText());
            assertFalse(received.get(0).path("chosen").asBoolean());
        }

        @Test
        void aUsersOwnDefaultCoversEveryKindUntilReset() throws Exception {
            Http hr = org.as("hr1");
            assertEquals(200, hr.put("/api/v1/notification-preferences/*", "{\"channel\":\"EMAIL\"}").status());
            JsonNode prefs = hr.get("/api/v1/notification-preferences").json();
            assertEquals("EMAIL", prefs.path("default").path("channel").asText());
            assertTrue(prefs.path("default").path("chosen").asBoolean());
            note(hr, "policy update");
            awaitMail(smtp, "hr1@example.com", "policy update");

            assertEquals(204, hr.delete("/api/v1/notification-preferences/*").status());
            assertEquals("INBOX", hr.get("/api/v1/notification-preferences").json().path("default").path("channel").asText());
            int mails = outbox("hr1").size();
            note(hr, "after reset");
            assertEquals(mails, outbox("hr1").size(), "back to the inbox: no new mail");
        }

        @Test
        void aNotificationThatRollsBackSendsNoMail() {
            Http regional = org.as("regional1");
            assertEquals(200, regional.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"EMAIL\"}").status());
            assertEquals(500, regional.post("/api/v1/hello/notes", "{\"text\":\"rollback after publish\"}").status());
            assertEquals(List.of(), outbox("regional1"), "no outbox row, so no mail can ever be sent");
            note(regional, "committed");
            assertEquals(1, outbox("regional1").size());
        }

        @Test
        void withoutAnAddressTheInboxStandsInForTheMail() {
            Http manager = org.as("manager1");
            assertEquals(200, manager.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"EMAIL\"}").status());
            long note = note(manager, "no address yet");
            assertTrue(inboxLinks(manager).contains("/hello/notes/" + note));
            assertEquals(List.of(), outbox("manager1"));
        }

        @Test
        void badChannelsAndKindsAreRefusedWithTheFieldNamed() {
            Http rep = org.as("rep2");
            Http.Result smoke = rep.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"SMOKE_SIGNAL\"}");
            assertEquals(400, smoke.status());
            assertEquals("channel", smoke.json().path("error").path("details").path("fields").get(0).path("field").asText(), smoke.body());
            Http.Result missing = rep.put("/api/v1/notification-preferences/hello.note-saved", "{}");
            assertEquals(400, missing.status());
            Http.Result badKind = rep.put("/api/v1/notification-preferences/NotAKind", "{\"channel\":\"EMAIL\"}");
            assertEquals(400, badKind.status());
            assertEquals("kind", badKind.json().path("error").path("details").path("fields").get(0).path("field").asText(), badKind.body());
            assertEquals(400, rep.delete("/api/v1/notification-preferences/NotAKind").status());
            assertEquals(400, rep.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"EMAIL\",\"userId\":1}").status(),
                    "nobody names whose preference it is: it is always the caller's");
        }

        @Test
        void preferencesAreOwnOnlyAndEveryChangeIsAudited() {
            Http integrator = org.as("integrator1");
            assertEquals(200, integrator.put("/api/v1/notification-preferences/leads.sla-breached", "{\"channel\":\"BOTH\"}").status());
            Http other = org.as("rep2");
            JsonNode theirs = other.get("/api/v1/notification-preferences").json().path("items");
            theirs.forEach(item -> assertFalse(item.path("kind").asText().equals("leads.sla-breached") && item.path("chosen").asBoolean(),
                    "another user's choice shows: " + theirs));
            assertEquals(204, other.delete("/api/v1/notification-preferences/leads.sla-breached").status());
            JsonNode mine = integrator.get("/api/v1/notification-preferences").json().path("items");
            assertEquals("leads.sla-breached", mine.get(0).path("kind").asText(), mine.toString());
            assertEquals("BOTH", mine.get(0).path("channel").asText(), "untouched by someone else's reset");
            assertTrue(mine.get(0).path("chosen").asBoolean());

            JsonNode audit = kernel.http().get("/api/v1/audit?resource=notification-preferences&user=integrator1").json().path("items");
            assertEquals(1, audit.size(), audit.toString());
            assertEquals(org.id("integrator1") + "/leads.sla-breached", audit.get(0).path("recordId").asText());
            assertEquals(0, kernel.http().get("/api/v1/audit?resource=notification-preferences&user=rep2").json().path("items").size(),
                    "resetting a choice one never made changes nothing, so nothing is audited");
        }

        @Test
        void administratorsSetAddressesAndCheckThem() {
            Http admin = kernel.http();
            Http.Result created = admin.post("/api/v1/users", "{\"username\":\"mailed\",\"displayName\":\"Mailed\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\"],\"teamId\":" + org.teamSouth + ",\"email\":\" Mailed@Example.com \"}");
            assertEquals(201, created.status(), created.body());
            assertEquals("Mailed@Example.com", created.json().path("email").asText());
            long id = created.json().path("id").asLong();
            Http.Result bad = admin.post("/api/v1/users", "{\"username\":\"unmailed\",\"displayName\":\"U\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\"],\"email\":\"not-an-address\"}");
            assertEquals(400, bad.status());
            assertEquals("email", bad.json().path("error").path("details").path("fields").get(0).path("field").asText());
            String update = "{\"displayName\":\"Mailed\",\"roles\":[\"REP\"],\"teamId\":" + org.teamSouth;
            assertEquals("Mailed@Example.com", admin.put("/api/v1/users/" + id, update + "}").json().path("email").asText(),
                    "a client that does not send the address keeps it");
            assertEquals(400, admin.put("/api/v1/users/" + id, update + ",\"email\":\"a@b\"}").status());
            assertTrue(admin.put("/api/v1/users/" + id, update + ",\"email\":\"\"}").json().path("email").isNull(), "\"\" removes it");
        }

        private void setEmail(String persona, String email) {
            long team = List.of("rep2", "manager2", "aftersales2").contains(persona) ? org.teamNorth : org.teamSouth;
            Http.Result updated = kernel.http().put("/api/v1/users/" + org.id(persona), "{\"displayName\":\"" + persona + "\",\"roles\":[\""
                    + org.persona(persona).roles().get(0) + "\"],\"teamId\":" + team + ",\"email\":\"" + email + "\"}");
            assertEquals(200, updated.status(), updated.body());
        }

        private List<JsonNode> outbox(String persona) {
            return outboxOf(kernel, org.id(persona));
        }
    }

    /** SMTP is configured but nobody listens at first: retries, parking, and sending once the server is up. */
    abstract static class SmtpDown extends KernelScenarios {

        private final int smtpPort;
        private GreenMail smtp;

        SmtpDown(Database database) {
            this(database, freePort());
        }

        private SmtpDown(Database database, int smtpPort) {
            super(database, List.of("hello-v1"), smtpFlags(smtpPort, "--mail-timeout-ms=1000", "--mail-retry-base-ms=500", "--mail-max-attempts=4"));
            this.smtpPort = smtpPort;
        }

        @AfterAll
        void stopSmtp() {
            if (smtp != null) {
                smtp.stop();
            }
        }

        @Test
        void aMailIsRetriedWhileTheServerIsDownParkedAfterItsLastAttemptAndSentOnceTheServerAnswers() throws Exception {
            Http admin = kernel.http();
            long adminId = admin.get("/api/v1/me").json().path("id").asLong();
            assertEquals(200, admin.put("/api/v1/users/" + adminId, "{\"displayName\":\"Administrator\",\"roles\":[\"ADMIN\"],\"teamId\":null,"
                    + "\"email\":\"admin@example.com\"}").status());
            assertEquals(200, admin.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"EMAIL\"}").status());

            note(admin, "first while down");
            JsonNode[] parked = {null};
            KernelHarness.await(Duration.ofSeconds(30), () -> (parked[0] = outboxOf(kernel, adminId).stream()
                    .filter(m -> m.path("state").asText().equals("PARKED")).findFirst().orElse(null)) != null, "the mail was never parked");
            assertEquals(4, parked[0].path("attempts").asInt());
            assertTrue(parked[0].path("lastError").asText().contains("cannot reach 127.0.0.1:" + smtpPort), parked[0].toString());
            assertFalse(parked[0].toString().contains(SMTP_PASSWORD));
            assertEquals(1, admin.get("/api/v1/mail/outbox?state=PARKED").json().path("counts").path("PARKED").asInt());

            note(admin, "second while down");
            KernelHarness.await(Duration.ofSeconds(30), () -> outboxOf(kernel, adminId).stream()
                    .anyMatch(m -> m.path("state").asText().equals("QUEUED") && m.path("attempts").asInt() >= 1), "the second mail was never tried");
            smtp = startSmtp(smtpPort);
            awaitMail(smtp, "admin@example.com", "second while down");

            assertEquals(404, admin.post("/api/v1/mail/outbox/999999/retry", "").status());
            Http.Result retried = admin.post("/api/v1/mail/outbox/" + parked[0].path("id").asLong() + "/retry", "");
            assertEquals(200, retried.status(), retried.body());
            awaitMail(smtp, "admin@example.com", "first while down");
            KernelHarness.await(MAIL_WAIT, () -> outboxOf(kernel, adminId).stream().allMatch(m -> m.path("state").asText().equals("SENT")),
                    "both mails end up sent");
            assertEquals(2, smtp.getReceivedMessages().length, "each mail exactly once");
            assertEquals(400, admin.get("/api/v1/mail/outbox?state=LOST").status());
        }
    }

    /** No SMTP host: preferences still save, mails wait in the outbox, and the inbox shows the notification meanwhile. */
    abstract static class NotConfigured extends KernelScenarios {

        NotConfigured(Database database) {
            super(database, List.of("hello-v1"), "--public-url=" + PUBLIC_URL);
        }

        @Test
        void mailsWaitInTheOutboxAndTheInboxShowsTheNotification() {
            Http admin = kernel.http();
            long adminId = admin.get("/api/v1/me").json().path("id").asLong();
            assertEquals(200, admin.put("/api/v1/users/" + adminId, "{\"displayName\":\"Administrator\",\"roles\":[\"ADMIN\"],\"teamId\":null,"
                    + "\"email\":\"admin@example.com\"}").status());
            assertEquals(200, admin.put("/api/v1/notification-preferences/hello.note-saved", "{\"channel\":\"EMAIL\"}").status());
            assertFalse(admin.get("/api/v1/notification-preferences").json().path("emailEnabled").asBoolean());
            long note = note(admin, "no smtp");
            assertTrue(inboxLinks(admin).contains("/hello/notes/" + note));
            JsonNode outbox = admin.get("/api/v1/mail/outbox").json();
            assertFalse(outbox.path("smtp").path("configured").asBoolean());
            assertEquals(1, outbox.path("counts").path("QUEUED").asInt(), outbox.toString());
            assertEquals(0, outbox.path("items").get(0).path("attempts").asInt(), "nothing tries to send it");
        }
    }

    static String[] smtpFlags(int port, String... more) {
        List<String> flags = new ArrayList<>(List.of("--mail-smtp-host=127.0.0.1", "--mail-smtp-port=" + port, "--mail-smtp-user=" + SMTP_LOGIN,
                "--mail-smtp-password=" + SMTP_PASSWORD, "--mail-smtp-starttls=false", "--mail-from=Pacesetter <pacesetter@example.com>",
                "--public-url=" + PUBLIC_URL));
        flags.addAll(Arrays.asList(more));
        return flags.toArray(String[]::new);
    }

    static GreenMail startSmtp(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("pacesetter@example.com", SMTP_LOGIN, SMTP_PASSWORD);
        smtp.start();
        return smtp;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long note(Http client, String text) {
        Http.Result created = client.post("/api/v1/hello/notes", "{\"text\":\"" + text + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asLong();
    }

    static List<String> inboxLinks(Http client) {
        List<String> links = new ArrayList<>();
        client.get("/api/v1/notifications?size=100").json().path("items").forEach(item -> links.add(item.path("link").asText()));
        return links;
    }

    static List<JsonNode> outboxOf(KernelHarness kernel, long userId) {
        List<JsonNode> mails = new ArrayList<>();
        kernel.http().get("/api/v1/mail/outbox?limit=500").json().path("items").forEach(item -> {
            if (item.path("userId").asLong() == userId) {
                mails.add(item);
            }
        });
        return mails;
    }

    /** Waits for the mail to {@code recipient} whose text contains {@code fragment}. */
    static MimeMessage awaitMail(GreenMail smtp, String recipient, String fragment) {
        MimeMessage[] found = {null};
        KernelHarness.await(MAIL_WAIT, () -> (found[0] = find(smtp, recipient, fragment).orElse(null)) != null,
                "no mail to " + recipient + " containing '" + fragment + "'");
        return found[0];
    }

    private static Optional<MimeMessage> find(GreenMail smtp, String recipient, String fragment) {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(recipient)
                        && text(message).contains(fragment)) {
                    return Optional.of(message);
                }
            } catch (MessagingException | IOException e) {
                throw new AssertionError(e);
            }
        }
        return Optional.empty();
    }

    static String text(MimeMessage message) throws MessagingException, IOException {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
