package dev.pacesetter.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Event delivery across real kernel processes sharing one PostgreSQL database, started through
 * {@code bin/pacesetter}: a node killed with SIGKILL in the middle of delivery loses nothing when it
 * comes back, and two nodes deliver each event once per subscriber.
 */
class EventDeliveryIT {

    private static final Path DIST = Path.of(System.getProperty("pacesetter.dist", "target/pacesetter"));
    private static final Path FIXTURES = Path.of(System.getProperty("pacesetter.it.fixtures", "target/it-fixtures"));
    private static final String PG = System.getProperty("pacesetter.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getProperty("pacesetter.it.pg.user", "postgres");
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> started = new ArrayList<>();
    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "pacesetter_events_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        started.forEach(Process::destroyForcibly);
        for (Process process : started) {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Connection c = DriverManager.getConnection(PG, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
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
            JSON.readTree(response.body()).path("items").forEach(item -> {
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
        Files.createDirectories(home.resolve("deploy"));
        Path jar = home.resolve("deploy/hello.jar");
        if (!Files.exists(jar)) {
            Files.copy(FIXTURES.resolve("fixture-hello-v1.jar"), jar);
        }
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/pacesetter").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("PACESETTER_HOME", home.toString());
        env.put("PACESETTER_PORT", Integer.toString(port));
        env.put("PACESETTER_HOST", "127.0.0.1");
        env.put("PACESETTER_CDS", "off");
        env.put("PACESETTER_JDBC_URL", PG.substring(0, PG.lastIndexOf('/') + 1) + database);
        env.put("PACESETTER_JDBC_USER", PG_USER);
        env.put("PACESETTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PACESETTER_MODULES_ENABLED_BY_DEFAULT", "all");
        env.put("PACESETTER_EVENTS_RETRY_BASE_MS", "100");
        Process process = builder.start();
        started.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ": " + Files.readString(home.resolve("console.log")));
            }
            if (status(port, "/api/v1/hello") == 200) {
                return process;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("hello never served: " + Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8));
    }

    private static String signIn(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> response = send(port, null, "POST", "/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body()).path("token").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> send(int port, String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(int port, String path) throws InterruptedException {
        try {
            return send(port, null, "GET", path, null).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static void await(Duration bound, BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " within " + bound.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
