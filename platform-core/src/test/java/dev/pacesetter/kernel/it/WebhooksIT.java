package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Signed outgoing webhooks over real HTTP: the hello fixture publishes {@code hello/note.created} for
 * every saved note, and receivers in the test (on {@code localhost}, which the kernel's allow-list
 * permits) check signatures, answer 500 and see the retries.
 */
class WebhooksIT {

    static final long RETRY_BASE_MS = 300;

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(Database.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    abstract static class Scenarios extends OrganisationScenarios {

        Scenarios(Database database) {
            super(database, List.of("hello-v1"), "--webhooks-allow=localhost", "--webhooks-retry-base-ms=" + RETRY_BASE_MS,
                    "--webhooks-max-attempts=3");
        }

        @Test
        void aReceiverVerifiesTheSignatureAndSeesRetriesAfterAnswering500() throws Exception {
            try (WebhookReceiver receiver = new WebhookReceiver(n -> n <= 2 ? 500 : 200)) {
                JsonNode webhook = subscribe(receiver.url("/hooks/pacesetter"), "hello/note.created");
                String secret = webhook.path("secret").asText();
                assertTrue(secret.startsWith("whsec_"), webhook.toString());
                long id = webhook.path("id").asLong();
                assertTrue(kernel.http().get("/api/v1/webhooks/" + id).json().path("secret").isMissingNode(), "the secret is shown once");

                String note = Long.toString(createNote("rep1", "call the customer back"));
                KernelHarness.await(Duration.ofSeconds(20), () -> receiver.about(note).size() >= 3, "three attempts never arrived");
                List<WebhookReceiver.Received> attempts = receiver.about(note);
                assertEquals(3, attempts.size(), "delivered on the third attempt, then no more");
                for (int i = 0; i < attempts.size(); i++) {
                    WebhookReceiver.Received attempt = attempts.get(i);
                    assertTrue(attempt.signedWith(secret), "signature of attempt " + (i + 1) + ": " + attempt.headers());
                    assertFalse(attempt.signedWith("whsec_someone-else"));
                    assertEquals("/hooks/pacesetter", attempt.path());
                    assertEquals(attempts.get(0).body(), attempt.body(), "every attempt sends the same body");
                    assertEquals(Integer.toString(i + 1), attempt.header("Pacesetter-Attempt"));
                    assertEquals("hello/note.created", attempt.header("Pacesetter-Topic"));
                    assertEquals(attempt.json().path("id").asText(), attempt.header("Pacesetter-Event-Id"));
                    long age = Instant.now().getEpochSecond() - Long.parseLong(attempt.header("Pacesetter-Timestamp"));
                    assertTrue(age >= 0 && age < 300, "timestamp within the replay window: " + age);
                    assertTrue(attempt.header("Content-Type").startsWith("application/json"));
                }
                JsonNode body = attempts.get(0).json();
                assertEquals("hello", body.path("module").asText());
                assertEquals(note, body.path("payload").path("noteId").asText(), body.toString());
                long firstGap = (attempts.get(1).atNanos() - attempts.get(0).atNanos()) / 1_000_000;
                long secondGap = (attempts.get(2).atNanos() - attempts.get(1).atNanos()) / 1_000_000;
                assertTrue(firstGap >= RETRY_BASE_MS * 8 / 10, "first retry after the base back-off: " + firstGap + " ms");
                assertTrue(secondGap >= 2 * RETRY_BASE_MS * 8 / 10, "then doubled: " + secondGap + " ms");

                JsonNode delivery = awaitDelivery(id, note, "DELIVERED");
                assertEquals(3, delivery.path("totalAttempts").asInt());
                List<Integer> statuses = new ArrayList<>();
                delivery.path("attemptLog").forEach(a -> statuses.add(a.path("status").asInt()));
                assertEquals(List.of(500, 500, 200), statuses, delivery.toString());
                assertEquals("HTTP 500", delivery.path("attemptLog").get(0).path("error").asText());
                assertTrue(delivery.path("attemptLog").get(2).path("error").isNull());

                String trail = kernel.http().get("/api/v1/audit?resource=webhooks").body();
                assertTrue(trail.contains("\"create\""), trail);
                assertFalse(trail.contains(secret), "no secret in the audit trail");
                unsubscribe(id);
            }
        }

        @Test
        void aDeliveryThatKeepsFailingIsParkedThenReplayedByAnAdministrator() throws Exception {
            AtomicBoolean healthy = new AtomicBoolean();
            try (WebhookReceiver receiver = new WebhookReceiver(n -> healthy.get() ? 200 : 500)) {
                long id = subscribe(receiver.url("/down"), "hello/*").path("id").asLong();
                String note = Long.toString(createNote("rep2", "nobody listens"));
                JsonNode parked = awaitDelivery(id, note, "PARKED");
                assertEquals(3, parked.path("attempts").asInt(), "parked after --webhooks-max-attempts=3");
                assertEquals(500, parked.path("lastStatus").asInt());
                assertEquals(3, receiver.about(note).size());
                Http admin = kernel.http();
                assertEquals(1, admin.get("/api/v1/webhooks/" + id + "/deliveries?state=parked").json().path("items").size());
                assertEquals(0, admin.get("/api/v1/webhooks/" + id + "/deliveries?state=delivered").json().path("items").size());
                assertEquals(400, admin.get("/api/v1/webhooks/" + id + "/deliveries?state=lost").status());
                assertEquals(403, org.as("manager1").post("/api/v1/webhooks/deliveries/" + parked.path("id").asLong() + "/replay", "").status());

                healthy.set(true);
                Http.Result replay = admin.post("/api/v1/webhooks/deliveries/" + parked.path("id").asLong() + "/replay", "");
                assertEquals(202, replay.status(), replay.body());
                JsonNode delivered = awaitDelivery(id, note, "DELIVERED");
                assertEquals(4, delivered.path("totalAttempts").asInt());
                assertEquals(4, delivered.path("attemptLog").size(), "the failed attempts stay in the log");
                assertEquals(4, receiver.about(note).size());
                Http.Result again = admin.post("/api/v1/webhooks/deliveries/" + parked.path("id").asLong() + "/replay", "");
                assertEquals(409, again.status(), "only parked deliveries are replayed");
                assertEquals("not_parked", again.json().path("error").path("code").asText());
                assertEquals(404, admin.post("/api/v1/webhooks/deliveries/999999999/replay", "").status());
                unsubscribe(id);
            }
        }

        @Test
        void targetsInLoopbackLinkLocalAndPrivateRangesAreRefusedUnlessAllowed() {
            Http admin = kernel.http();
            for (String url : List.of("http://127.0.0.1:8080/hook", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                    "http://192.168.1.20/hook", "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0/", "http://[fd00::1]/")) {
                Http.Result refused = admin.post("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"topics\":[\"hello/note.created\"]}");
                assertEquals(422, refused.status(), url + ": " + refused.body());
                JsonNode error = refused.json().path("error");
                assertEquals("target_refused", error.path("code").asText());
                JsonNode field = error.path("details").path("fields").get(0);
                assertEquals("url", field.path("field").asText());
                assertTrue(field.path("message").asText().contains("pacesetter.webhooks.allow"), "says how to allow it: " + field);
            }
            for (String url : List.of("ftp://example.com/", "file:///etc/passwd", "http://user:secret@example.com/", "no-scheme")) {
                Http.Result malformed = admin.post("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"topics\":[\"hello/note.created\"]}");
                assertEquals(400, malformed.status(), url + ": " + malformed.body());
                assertEquals("url", malformed.json().path("error").path("details").path("fields").get(0).path("field").asText());
            }
            Http.Result badTopic = admin.post("/api/v1/webhooks", "{\"url\":\"http://localhost:1/\",\"topics\":[\"Not A Topic\"]}");
            assertEquals(400, badTopic.status(), badTopic.body());
            assertEquals("topics", badTopic.json().path("error").path("details").path("fields").get(0).path("field").asText());

            long id = subscribe("http://localhost:1/allowed-by-name", "hello/*").path("id").asLong();
            Http.Result moved = admin.put("/api/v1/webhooks/" + id, "{\"url\":\"http://169.254.169.254/\"}");
            assertEquals(422, moved.status(), "an update is checked too: " + moved.body());
            assertEquals("http://localhost:1/allowed-by-name", admin.get("/api/v1/webhooks/" + id).json().path("url").asText());
            unsubscribe(id);
        }

        @Test
        void ipv4AddressesSpelledInOctalHexOrShortFormAreRefusedAsAmbiguous() {
            Http admin = kernel.http();
            int before = admin.get("/api/v1/webhooks").json().path("items").size();
            for (String url : List.of("http://0177.0.0.1/", "http://0x7f.1/", "http://2130706433/", "http://127.1/", "http://0x7f000001:8080/hook",
                    "http://010.0.0.1/", "http://1.2.3.4./")) {
                Http.Result refused = admin.post("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"topics\":[\"hello/note.created\"]}");
                assertEquals(422, refused.status(), url + ": " + refused.body());
                JsonNode error = refused.json().path("error");
                assertEquals("target_refused", error.path("code").asText(), url);
                assertTrue(error.path("message").asText().contains("有歧义"), "in the administrator's language (zh-CN): " + error);
            }
            assertEquals(before, admin.get("/api/v1/webhooks").json().path("items").size(), "none was stored");
        }

        @Test
        void onlyAdministratorsManageWebhooks() {
            String body = "{\"url\":\"http://localhost:1/\",\"topics\":[\"*\"]}";
            for (String persona : List.of("rep1", "manager1", "regional1", "hr1", "marketing1", "aftersales2", "integrator1")) {
                assertEquals(403, org.as(persona).get("/api/v1/webhooks").status(), persona);
                assertEquals(403, org.as(persona).post("/api/v1/webhooks", body).status(), persona);
            }
            assertEquals(401, kernel.anonymous().post("/api/v1/webhooks", body).status());
            assertEquals(404, kernel.http().get("/api/v1/webhooks/999999999").status());
            assertEquals(404, kernel.http().get("/api/v1/webhooks/999999999/deliveries").status());
        }

        @Test
        void aPausedWebhookGetsNoDeliveriesAndARotatedSecretSignsTheNextOnes() throws Exception {
            try (WebhookReceiver paused = new WebhookReceiver(n -> 200); WebhookReceiver control = new WebhookReceiver(n -> 200)) {
                JsonNode created = subscribe(paused.url("/paused"), "hello/note.created");
                long id = created.path("id").asLong();
                long controlId = subscribe(control.url("/control"), "*").path("id").asLong();
                Http admin = kernel.http();
                Http.Result pause = admin.put("/api/v1/webhooks/" + id, "{\"active\":false}");
                assertEquals(200, pause.status(), pause.body());
                assertFalse(pause.json().path("active").asBoolean());
                assertEquals(paused.url("/paused"), pause.json().path("url").asText(), "fields left out stay");

                String quiet = Long.toString(createNote("rep1", "while paused"));
                KernelHarness.await(Duration.ofSeconds(20), () -> !control.about(quiet).isEmpty(), "the control webhook never got the event");
                Thread.sleep(500);
                assertTrue(paused.about(quiet).isEmpty(), "a paused webhook gets nothing");
                assertEquals(0, admin.get("/api/v1/webhooks/" + id + "/deliveries").json().path("items").size());

                assertEquals(200, admin.put("/api/v1/webhooks/" + id, "{\"active\":true}").status());
                Http.Result rotated = admin.post("/api/v1/webhooks/" + id + "/secret", "");
                assertEquals(200, rotated.status(), rotated.body());
                String secret = rotated.json().path("secret").asText();
                String heard = Long.toString(createNote("rep1", "after the resume"));
                KernelHarness.await(Duration.ofSeconds(20), () -> !paused.about(heard).isEmpty(), "a resumed webhook gets events again");
                assertTrue(paused.about(heard).get(0).signedWith(secret), "signed with the rotated secret");
                assertFalse(paused.about(heard).get(0).signedWith(created.path("secret").asText()), "the old secret no longer signs");

                String trail = admin.get("/api/v1/audit?resource=webhooks&recordId=" + id).body();
                assertTrue(trail.contains("\"pause\"") && trail.contains("\"resume\"") && trail.contains("\"rotate-secret\""), trail);
                assertFalse(trail.contains(secret));
                unsubscribe(controlId);
                unsubscribe(id);
                assertEquals(404, admin.get("/api/v1/webhooks/" + id).status());
                assertEquals(404, admin.get("/api/v1/webhooks/" + id + "/deliveries").status());
            }
        }

        JsonNode subscribe(String url, String topic) {
            Http.Result created = kernel.http().post("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"topics\":[\"" + topic + "\"],"
                    + "\"description\":\"test receiver\"}");
            assertEquals(201, created.status(), created.body());
            return created.json();
        }

        void unsubscribe(long id) {
            assertEquals(204, kernel.http().delete("/api/v1/webhooks/" + id).status());
        }

        long createNote(String persona, String text) {
            Http.Result created = org.as(persona).post("/api/v1/hello/notes", "{\"text\":\"" + text + "\"}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        /** Waits until the delivery of the note's event to the webhook reaches {@code state}; returns it from the log. */
        JsonNode awaitDelivery(long webhook, String note, String state) {
            JsonNode[] found = {null};
            KernelHarness.await(Duration.ofSeconds(30), () -> {
                found[0] = null;
                kernel.http().get("/api/v1/webhooks/" + webhook + "/deliveries").json().path("items").forEach(item -> {
                    if (item.path("state").asText().equals(state) && matches(item, note)) {
                        found[0] = item;
                    }
                });
                return found[0] != null;
            }, "the delivery of note " + note + " never became " + state);
            return found[0];
        }

        private boolean matches(JsonNode delivery, String note) {
            return delivery.path("topic").asText().startsWith("hello/") && aggregateOf(delivery).equals(note);
        }

        private String aggregateOf(JsonNode delivery) {
            return delivery.path("aggregateId").asText();
        }
    }
}
