package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Domain events through the outbox, as the hello fixture's two subscribers see them: {@code hello.note-log}
 * takes everything, {@code hello.picky} fails on a poison text.
 */
class EventsIT {

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
            super(database, List.of("hello-v1"), "--events-retry-base-ms=100");
        }

        @Test
        void anEventPublishedWithACommittedChangeReachesEachSubscriberOnce() {
            long note = createNote("rep1", "call the customer back");
            JsonNode logged = awaitReceived("hello.note-log", Long.toString(note));
            awaitReceived("hello.picky", Long.toString(note));
            assertEquals("hello/note.created", logged.path("topic").asText());
            assertEquals(1, logged.path("calls").asLong(), "handled once");
            KernelHarness.await(Duration.ofSeconds(10), () -> kernel.http().get("/api/v1/hello/local-events").json().path("seen").asLong() > 0,
                    "the in-process Event Admin listener never heard of it");
            assertEquals("pacesetter/hello/note/created hello/note.created",
                    kernel.http().get("/api/v1/hello/local-events").json().path("lastTopic").asText());
        }

        @Test
        void anEventPublishedInATransactionThatRollsBackIsNeverDelivered() {
            assertEquals(500, org.as("rep2").post("/api/v1/hello/notes", "{\"text\":\"rollback after publish\"}").status());
            long after = createNote("rep2", "after the rollback");
            awaitReceived("hello.note-log", Long.toString(after));
            for (JsonNode event : received("hello.note-log")) {
                String aggregate = event.path("aggregateId").asText();
                if (!aggregate.startsWith("burst")) {
                    assertEquals(200, kernel.http().get("/api/v1/hello/notes/" + aggregate).status(),
                            "every delivered event belongs to a note that exists: " + event);
                }
            }
        }

        @Test
        void aFailingSubscriberIsRetriedThenParkedWhileTheOthersCarryOn() {
            Http admin = kernel.http();
            assertEquals(200, admin.put("/api/v1/hello/event-control", "{\"poison\":\"poison pill\",\"delayMs\":0}").status());
            long poison = createNote("rep1", "poison pill");
            long after = createNote("rep1", "after the poison");
            awaitReceived("hello.note-log", Long.toString(poison));
            awaitReceived("hello.note-log", Long.toString(after));
            JsonNode parked = awaitParked(Long.toString(poison));
            assertEquals("hello.picky", parked.path("subscriber").asText());
            assertEquals(5, parked.path("attempts").asInt());
            assertTrue(parked.path("error").asText().contains("refusing 'poison pill'"), parked.toString());
            awaitReceived("hello.picky", Long.toString(after)); // it moved on

            assertEquals(409, admin.post("/api/v1/events/parked/" + parked.path("id").asLong() + "/replay", "").status(),
                    "still poisoned: the replay fails and the event stays parked");
            assertEquals(200, admin.put("/api/v1/hello/event-control", "{\"poison\":null,\"delayMs\":0}").status());
            Http.Result replay = admin.post("/api/v1/events/parked/" + parked.path("id").asLong() + "/replay", "");
            assertEquals(200, replay.status(), replay.body());
            awaitReceived("hello.picky", Long.toString(poison));
            assertEquals(404, admin.post("/api/v1/events/parked/" + parked.path("id").asLong() + "/replay", "").status());
            assertEquals(403, org.as("manager1").get("/api/v1/events/parked").status());
        }

        @Test
        void aSubscriberThatCannotReachItsDatabaseIsHeldBackWithoutUsingUpItsAttempts() {
            Http admin = kernel.http();
            JsonNode before = admin.get("/api/v1/hello/handled?subscriber=hello.picky").json().path("items");
            long since = before.isEmpty() ? 0 : before.get(before.size() - 1).path("id").asLong();
            assertEquals(200, admin.put("/api/v1/hello/event-control", "{\"poison\":\"unreachable pill\",\"delayMs\":0}").status());
            long note = createNote("rep1", "unreachable pill");
            // counted as failures, five calls would park the event (retry base 100 ms here): held back, it is tried on and on
            KernelHarness.await(Duration.ofSeconds(20), () -> callsPerEvent(since).values().stream().anyMatch(calls -> calls.size() >= 7),
                    "the held-back event was not tried again");
            assertEquals(200, admin.put("/api/v1/hello/event-control", "{\"poison\":null,\"delayMs\":0}").status());
            String eventId = awaitReceived("hello.picky", Long.toString(note)).path("eventId").asText();
            List<Integer> attempts = callsPerEvent(since).get(eventId);
            assertTrue(attempts.size() >= 8 && attempts.stream().allMatch(a -> a == 1), "every call was a first attempt: " + attempts);
            admin.get("/api/v1/events/parked").json().path("items").forEach(item -> assertTrue(
                    !item.path("aggregateId").asText().equals(Long.toString(note)), "never parked: " + item));
        }

        /** The picky subscriber's calls since call {@code since}: the attempt numbers, per event. */
        private Map<String, List<Integer>> callsPerEvent(long since) {
            Map<String, List<Integer>> calls = new HashMap<>();
            kernel.http().get("/api/v1/hello/handled?subscriber=hello.picky&after=" + since).json().path("items").forEach(call ->
                    calls.computeIfAbsent(call.path("eventId").asText(), id -> new ArrayList<>()).add(call.path("attempt").asInt()));
            return calls;
        }

        @Test
        void eventsOfOneAggregateArriveInTheOrderTheyWerePublished() {
            Http.Result burst = kernel.http().post("/api/v1/hello/events", "{\"count\":600,\"aggregates\":3}");
            assertEquals(202, burst.status(), burst.body());
            KernelHarness.await(Duration.ofSeconds(30), () -> bursts("hello.note-log").size() >= 600, "600 burst events not delivered");
            Map<String, List<Long>> byAggregate = new HashMap<>();
            for (JsonNode event : bursts("hello.note-log")) {
                byAggregate.computeIfAbsent(event.path("aggregateId").asText(), k -> new ArrayList<>()).add(event.path("noteId").asLong());
            }
            assertEquals(3, byAggregate.size());
            byAggregate.forEach((aggregate, order) -> {
                List<Long> sorted = new ArrayList<>(order);
                sorted.sort(null);
                assertEquals(sorted, order, "arrival order of " + aggregate);
            });
            JsonNode subscribers = kernel.http().get("/api/v1/events/subscribers").json();
            KernelHarness.await(Duration.ofSeconds(10), () -> lag("hello.note-log") == 0, "note-log never caught up");
            assertTrue(subscribers.path("lastPosition").asLong() >= 600, subscribers.toString());
        }

        long createNote(String persona, String text) {
            Http.Result created = org.as(persona).post("/api/v1/hello/notes", "{\"text\":\"" + text + "\"}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        List<JsonNode> received(String subscriber) {
            List<JsonNode> items = new ArrayList<>();
            kernel.http().get("/api/v1/hello/received").json().path("items").forEach(item -> {
                if (item.path("subscriber").asText().equals(subscriber)) {
                    items.add(item);
                }
            });
            return items;
        }

        List<JsonNode> bursts(String subscriber) {
            return received(subscriber).stream().filter(e -> e.path("aggregateId").asText().startsWith("burst-")).toList();
        }

        JsonNode awaitReceived(String subscriber, String aggregateId) {
            JsonNode[] found = {null};
            KernelHarness.await(Duration.ofSeconds(20), () -> {
                found[0] = received(subscriber).stream().filter(e -> e.path("aggregateId").asText().equals(aggregateId)).findFirst().orElse(null);
                return found[0] != null;
            }, subscriber + " never received the event of " + aggregateId);
            return found[0];
        }

        JsonNode awaitParked(String aggregateId) {
            JsonNode[] found = {null};
            KernelHarness.await(Duration.ofSeconds(30), () -> {
                kernel.http().get("/api/v1/events/parked").json().path("items").forEach(item -> {
                    if (item.path("aggregateId").asText().equals(aggregateId)) {
                        found[0] = item;
                    }
                });
                return found[0] != null;
            }, "the poison event was never parked");
            return found[0];
        }

        long lag(String subscriber) {
            for (JsonNode item : kernel.http().get("/api/v1/events/subscribers").json().path("items")) {
                if (item.path("name").asText().equals(subscriber)) {
                    return item.path("lag").asLong();
                }
            }
            return Long.MAX_VALUE;
        }
    }
}
