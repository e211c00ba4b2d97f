package dev.pacesetter.distribution;

import static dev.pacesetter.distribution.KernelNodes.await;
import static dev.pacesetter.distribution.KernelNodes.freePort;
import static dev.pacesetter.distribution.KernelNodes.send;
import static dev.pacesetter.distribution.KernelNodes.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Event delivery across real kernel processes sharing one PostgreSQL database, started through
 * {@code bin/pacesetter}: a node killed with SIGKILL in the middle of delivery loses nothing when it
 * comes back, and two nodes deliver each event once per subscriber.
 */
class EventDeliveryIT {

    private static final Map<String, String> SETTINGS = Map.of("PACESETTER_EVENTS_RETRY_BASE_MS", "100");

    private KernelNodes nodes;

    @BeforeEach
    void createDatabase() throws Exception {
        nodes = new KernelNodes("pacesetter_events_");
    }

    @AfterEach
    void cleanUp() throws Exception {
        nodes.close();
    }

    @Test
    void aNodeKilledInTheMiddleOfDeliveryLosesNothingWhenItComesBack(@TempDir Path home) throws Exception {
        int port = freePort();
        Process node = start(home, port);
        String token = signIn(port);
        send(port, token, "PUT", "/api/v1/hello/event-control", "{\"poison\":null,\"delayMs\":20}");
        assertEquals(202, send(port, token, "POST", "/api/v1/hello/events", "{\"count\":300,\"aggregates\":4}").statusCode());
        await(Duration.ofSeconds(30), () -> received(port, token, "hello.note-log").size() >= 40, "delivery never started");

        int before = received(port, token, "hello.note-log").size();
        node.destroyForcibly(); // SIGKILL: no shutdown hook, no lease released, the cursor behind what was handled
        assertTrue(node.waitFor(10, TimeUnit.SECONDS));
        assertTrue(before < 250, "killed in the middle of delivery, not after it: " + before);

        start(home, port);
        String again = signIn(port);
        send(port, again, "PUT", "/api/v1/hello/event-control", "{\"poison\":null,\"delayMs\":0}");
        await(Duration.ofSeconds(60), () -> received(port, again, "hello.note-log").size() == 300, "not every event arrived after the restart");
        List<JsonNode> events = received(port, again, "hello.note-log");
        assertEquals(300, events.stream().map(e -> e.path("eventId").asText()).distinct().count(), "each event recorded once");
        assertInOrderPerAggregate(events);
        await(Duration.ofSeconds(60), () -> received(port, again, "hello.picky").size() == 300, "the other subscriber lost events");
    }

    @Test
    void twoNodesOnOneDatabaseDeliverEachEventOncePerSubscriber(@TempDir Path homeA, @TempDir Path homeB) throws Exception {
        int portA = freePort();
        int portB = freePort();
        start(homeA, portA);
        start(homeB, portB);
        String tokenA = signIn(portA);
        String tokenB = signIn(portB);
        for (int i = 0; i < 4; i++) { // published on both nodes
            assertEquals(202, send(i % 2 == 0 ? portA : portB, i % 2 == 0 ? tokenA : tokenB, "POST", "/api/v1/hello/events",
                    "{\"count\":250,\"aggregates\":5}").statusCode());
        }
        for (String subscriber : List.of("hello.note-log", "hello.picky")) {
            await(Duration.ofSeconds(60), () -> received(portA, tokenA, subscriber).size() == 1000, subscriber + " did not get all 1000 events");
            List<JsonNode> events = received(portB, tokenB, subscriber);
            assertEquals(1000, events.size());
            for (JsonNode event : events) {
                assertEquals(1, event.path("calls").asLong(), subscriber + " handled an event twice: " + event);
            }
        }
    }

    private static void assertInOrderPerAggregate(List<JsonNode> events) {
        Map<String, Long> last = new HashMap<>();
        for (JsonNode event : events) {
            String aggregate = event.path("aggregateId").asText();
            long noteId = event.path("noteId").asLong();
            Long previous = last.put(aggregate, noteId);
            assertTrue(previous == null || previous < noteId, aggregate + ": " + noteId + " arrived after " + previous);
        }
    }

    private List<JsonNode> received(int port, String token, String subscriber) {
        try {
            HttpResponse<String> response = send(port, token, "GET", "/api/v1/hello/received", null);
            List<JsonNode> items = new ArrayList<>();
            KernelNodes.JSON.readTree(response.body()).path("items").forEach(item -> {
                if (item.path("subscriber").asText().equals(subscriber)) {
                    items.add(item);
                }
            });
            return items;
        } catch (IOException | InterruptedException e) {
            return List.of();
        }
    }

    private Process start(Path home, int port) throws Exception {
        return nodes.start(home, port, "hello-v1", "/api/v1/hello", SETTINGS);
    }
}
