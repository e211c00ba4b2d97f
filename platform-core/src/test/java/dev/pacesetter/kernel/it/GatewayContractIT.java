package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;

import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The gateway's promises to clients, seen over real HTTP: JSON in and out, one error shape, nothing half-done. */
class GatewayContractIT {

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

    abstract static class Scenarios extends KernelScenarios {

        Scenarios(Database database) {
            super(database, List.of("hello-v1"), "--body-limit=1KiB", "--cors-origins=https://console.example, https://other.example");
        }

        @Test
        void aPluginRouteCreatesAndReadsBackThroughTheSharedDatabase() {
            Http.Result created = kernel.http().post("/api/v1/hello/greetings", "{\"text\":\"你好\",\"stars\":5}");
            assertEquals(201, created.status(), created.body());
            String location = created.header("Location");
            assertEquals("/api/v1/hello/greetings/" + created.json().path("id").asLong(), location);
            Http.Result read = kernel.http().get(location);
            assertEquals(200, read.status());
            assertEquals("你好", read.json().path("text").asText());
            assertEquals(5, read.json().path("stars").asInt());
        }

        @Test
        void malformedJsonIs400AndStoresNothing() {
            int before = greetingCount();
            Http.Result result = kernel.http().post("/api/v1/hello/greetings", "{\"text\": \"unterminated");
            assertError(result, 400, "malformed_json");
            assertEquals(before, greetingCount());
        }

        @Test
        void aFieldOfTheWrongTypeIs400NamingTheField() {
            Http.Result result = kernel.http().post("/api/v1/hello/greetings", "{\"text\":\"hi\",\"stars\":\"five\"}");
            JsonNode error = assertError(result, 400, "validation_failed");
            assertEquals("stars", error.path("details").path("fields").get(0).path("field").asText());
        }

        @Test
        void anUnknownFieldIsRefusedSoClientsCannotSetWhatTheRouteDoesNotAccept() {
            int before = greetingCount();
            Http.Result result = kernel.http().post("/api/v1/hello/greetings", "{\"text\":\"hi\",\"id\":99}");
            JsonNode error = assertError(result, 400, "validation_failed");
            assertEquals("id", error.path("details").path("fields").get(0).path("field").asText());
            assertEquals(before, greetingCount());
        }

        @Test
        void everyInvalidFieldIsNamedAtOnceByPluginValidation() {
            Http.Result result = kernel.http().post("/api/v1/hello/greetings", "{\"text\":\"  \",\"stars\":9}");
            JsonNode fields = assertError(result, 400, "validation_failed").path("details").path("fields");
            assertEquals(2, fields.size(), fields.toString());
            assertEquals("text", fields.get(0).path("field").asText());
            assertEquals("stars", fields.get(1).path("field").asText());
        }

        @Test
        void aBodyThatIsNotJsonIs415() {
            Http.Result result = kernel.http().post("/api/v1/hello/greetings", "text/plain", "text=hi");
            assertError(result, 415, "unsupported_media_type");
        }

        @Test
        void aBodyOverTheConfiguredLimitIs413() {
            String big = "{\"text\":\"" + "x".repeat(2048) + "\"}";
            JsonNode error = assertError(kernel.http().post("/api/v1/hello/greetings", big), 413, "payload_too_large");
            assertEquals(1024, error.path("details").path("limitBytes").asInt());
        }

        @Test
        void aWrongMethodIs405WithTheAllowedOnes() {
            Http.Result result = kernel.http().delete("/api/v1/hello/greetings");
            assertError(result, 405, "method_not_allowed");
            String allow = result.header("Allow");
            assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
        }

        @Test
        void unknownRoutesAndUnknownIdsAre404() {
            assertError(kernel.http().get("/api/v1/nothing-here"), 404, "route_not_found");
            assertError(kernel.http().get("/api/v1/hello/greetings/999999"), 404, "not_found");
            assertError(kernel.http().get("/api/v1/hello/greetings/abc"), 404, "not_found");
            assertError(kernel.http().get("/elsewhere"), 404, "not_found");
        }

        @Test
        void anUnexpectedFailureIs500WithACorrelationIdAndNoInternals() {
            Http.Result result = kernel.http().get("/api/v1/hello/boom");
            JsonNode error = assertError(result, 500, "internal_error");
            assertFalse(result.body().contains("secret internal detail"), result.body());
            assertFalse(result.body().contains("Exception"), result.body());
            assertFalse(result.body().contains("at dev.pacesetter"), result.body());
            assertEquals(result.header("X-Request-Id"), error.path("correlationId").asText());
            assertTrue(error.path("message").asText().contains(error.path("correlationId").asText()));
        }

        @Test
        void aSaneCallerRequestIdIsKeptForCorrelation() {
            Http.Result result = kernel.http().send(HttpRequest.newBuilder(kernel.http().uri("/api/v1/hello/ping"))
                    .header("X-Request-Id", "client-trace-0001").GET());
            assertEquals(200, result.status());
            assertEquals("client-trace-0001", result.header("X-Request-Id"));
        }

        @Test
        void everyRequestIsLoggedOnceWithMethodPathStatusTimeAndCorrelationId() {
            ListAppender<ILoggingEvent> captured = new ListAppender<>();
            captured.start();
            Logger requests = (Logger) LoggerFactory.getLogger("pacesetter.request");
            requests.addAppender(captured);
            try {
                Http.Result result = kernel.http().get("/api/v1/hello/greetings/424242");
                String id = result.header("X-Request-Id");
                KernelHarness.await(Duration.ofSeconds(5), () -> loggedLines(captured).anyMatch(line -> line.endsWith(" " + id)),
                        "no request log line for " + id);
                List<String> lines = loggedLines(captured).filter(line -> line.endsWith(" " + id)).toList();
                assertEquals(1, lines.size(), lines.toString());
                assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z GET /api/v1/hello/greetings/424242 404 \\d+\\.\\dms " + id),
                        lines.get(0));
            } finally {
                requests.detachAppender(captured);
            }
        }

        @Test
        void everyResponseCarriesSecurityHeaders() {
            for (Http.Result result : List.of(kernel.http().get("/api/v1/hello/ping"), kernel.http().get("/api/v1/nothing-here"),
                    kernel.anonymous().get("/not-the-api"))) {
                assertEquals("nosniff", result.header("X-Content-Type-Options"));
                assertEquals("DENY", result.header("X-Frame-Options"));
                assertEquals("no-store", result.header("Cache-Control"));
                assertEquals("default-src 'none'; frame-ancestors 'none'", result.header("Content-Security-Policy"));
            }
        }

        @Test
        void onlyAllowListedOriginsPassCorsPreflightAndReadResponses() {
            Http.Result allowed = kernel.anonymous().send(HttpRequest.newBuilder(kernel.http().uri("/api/v1/hello/greetings"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://console.example").header("Access-Control-Request-Method", "POST"));
            assertEquals(204, allowed.status(), allowed.body());
            assertEquals("https://console.example", allowed.header("Access-Control-Allow-Origin"));
            assertTrue(allowed.header("Access-Control-Allow-Headers").contains("Authorization"));

            Http.Result refused = kernel.anonymous().send(HttpRequest.newBuilder(kernel.http().uri("/api/v1/hello/greetings"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));
            assertEquals(403, refused.status());
            assertEquals(null, refused.header("Access-Control-Allow-Origin"));

            Http.Result read = kernel.anonymous().send(HttpRequest.newBuilder(kernel.http().uri("/api/v1/hello/ping"))
                    .header("Origin", "https://other.example").GET());
            assertEquals("https://other.example", read.header("Access-Control-Allow-Origin"));
        }

        @Test
        void theApiDescriptionListsPluginRoutesWithTheirParameters() {
            JsonNode paths = kernel.http().get("/api/v1/openapi.json").json().path("paths");
            JsonNode byId = paths.path("/api/v1/hello/greetings/{id}").path("get");
            assertEquals("hello", byId.path("tags").get(0).asText());
            assertEquals("id", byId.path("parameters").get(0).path("name").asText());
            assertTrue(paths.path("/api/v1/hello/greetings").has("post"));
            assertTrue(paths.has("/api/v1/health"));
        }

        /** Copy first: the writer thread may append while we read. */
        private Stream<String> loggedLines(ListAppender<ILoggingEvent> captured) {
            List<ILoggingEvent> events;
            synchronized (captured) {
                events = List.copyOf(captured.list);
            }
            return events.stream().flatMap(e -> e.getFormattedMessage().lines());
        }

        private int greetingCount() {
            return kernel.http().get("/api/v1/hello/greetings").json().path("items").size();
        }

        private JsonNode assertError(Http.Result result, int status, String code) {
            assertEquals(status, result.status(), result.body());
            assertTrue(result.header("Content-Type").startsWith("application/json"), result.header("Content-Type"));
            JsonNode error = result.json().path("error");
            assertEquals(code, error.path("code").asText(), result.body());
            assertFalse(error.path("message").asText().isBlank());
            assertNotNull(error.get("details"));
            return error;
        }
    }
}
