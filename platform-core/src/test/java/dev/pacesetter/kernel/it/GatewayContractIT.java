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
        void theServerSaysItsTimeAndBusinessDayAndAProductionClockCannotBeMoved() {
            JsonNode clock = kernel.http().get("/api/v1/clock").json();
            java.time.Instant now = java.time.Instant.parse(clock.path("now").asText());
            assertTrue(Duration.between(now, java.time.Instant.now()).abs().toSeconds() < 60, clock.toString());
            assertEquals("Asia/Shanghai", clock.path("businessZone").asText());
            assertEquals(java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Shanghai")).toString(), clock.path("today").asText());
            assertFalse(clock.path("adjustable").asBoolean());
            JsonNode refused = assertError(kernel.http().post("/api/v1/clock/advance", "{\"by\":\"PT1H\"}"), 409, "clock_not_adjustable");
            assertTrue(refused.path("message").asText().contains("pacesetter.clock.adjustable=true"), refused.toString());
            assertEquals(401, kernel.anonymous().get("/api/v1/clock").status());
            JsonNode after = kernel.http().get("/api/v1/clock").json();
            assertEquals("PT0S", after.path("advancedBy").asText(), after.toString());
        }

        @Test
        void theConsoleListsAModulesPagesByRoleInTheCallersLanguageAndServesTheirFilesToAnyone() {
            JsonNode asAdmin = kernel.http().get("/api/v1/console/contributions").json();
            assertEquals(List.of("hello/greetings:问候:/console/modules/hello/greetings.js", "hello/settings:问候设置:/console/modules/hello/admin/settings.js"),
                    items(asAdmin.path("pages")), "in menu order, titled in Chinese by default");
            assertEquals(List.of("hello/latest:最新问候:/console/modules/hello/widgets/latest.js"), items(asAdmin.path("widgets")));

            Http.Result rep = kernel.http().post("/api/v1/users", "{\"username\":\"console.rep\",\"displayName\":\"Console Rep\",\"password\":\""
                    + KernelHarness.ADMIN_PASSWORD + "\",\"roles\":[\"REP\"],\"language\":\"en\"}");
            assertEquals(201, rep.status(), rep.body());
            Http asRep = kernel.anonymous().as(kernel.login("console.rep", KernelHarness.ADMIN_PASSWORD));
            assertEquals(List.of("hello/greetings:Greetings:/console/modules/hello/greetings.js"), items(asRep.get("/api/v1/console/contributions")
                    .json().path("pages")), "no administrator page for a rep, and English for an English reader");
            JsonNode texts = asRep.get("/api/v1/console/messages").json();
            assertEquals("en", texts.path("language").asText());
            assertEquals("No greetings yet.", texts.path("modules").path("hello").path("console.page.greetings.empty").asText(), texts.toString());
            assertTrue(texts.path("modules").path("hello").path("notify.note-saved.title").isMissingNode(), "console texts only");
            assertEquals(401, kernel.anonymous().get("/api/v1/console/contributions").status());

            Http.Result script = kernel.anonymous().get("/console/modules/hello/greetings.js");
            assertEquals(200, script.status(), script.body());
            assertTrue(script.header("Content-Type").startsWith("text/javascript"), script.header("Content-Type"));
            assertEquals("nosniff", script.header("X-Content-Type-Options"));
            assertTrue(script.body().contains("console.page.greetings.empty"), script.body());
            Http.Result again = kernel.anonymous().send(java.net.http.HttpRequest.newBuilder(kernel.anonymous().uri("/console/modules/hello/greetings.js"))
                    .header("If-None-Match", script.header("ETag")).GET());
            assertEquals(304, again.status(), "unchanged: revalidated, not sent again");
            for (String path : List.of("/console/modules/hello/../../OSGI-INF/l10n/messages.properties", "/console/modules/hello/%2e%2e/db/migration/V1__greetings.sql",
                    "/console/modules/hello/missing.js", "/console/modules/nosuch/greetings.js", "/console/modules/hello/.hidden.js",
                    "/console/modules/hello/greetings.class")) {
                Http.Result refused = kernel.anonymous().get(path);
                assertEquals(404, refused.status(), path + " -> " + refused.body());
            }
        }

        private static List<String> items(JsonNode items) {
            List<String> found = new java.util.ArrayList<>();
            items.forEach(i -> found.add(i.path("module").asText() + "/" + i.path("id").asText() + ":" + i.path("title").asText() + ":"
                    + i.path("script").asText()));
            return found;
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
        void aMethodOverrideHeaderIsIgnoredSoAGetStaysAGet() {
            int before = kernel.http().get("/api/v1/tokens").json().path("items").size();
            for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                Http.Result result = kernel.http().send(HttpRequest.newBuilder(kernel.http().uri("/api/v1/tokens")).header(header, "POST")
                        .header("Content-Type", "application/json").method("GET", HttpRequest.BodyPublishers.noBody()));
                assertEquals(200, result.status(), header + ": " + result.body());
                assertTrue(result.json().has("items"), "answered as the GET it is: " + result.body());
            }
            assertEquals(before, kernel.http().get("/api/v1/tokens").json().path("items").size(), "nothing was created");
        }

        @Test
        void unknownMethodsAre405WithAllowOnAKnownPathAnd404ElsewhereAlwaysJsonWithSecurityHeaders() throws Exception {
            for (String method : List.of("TRACE", "QUERY", "PROPFIND", "FOO")) {
                Http.Result known = kernel.http().call(method, "/api/v1/tokens", null, null);
                assertEquals(405, known.status(), method + ": " + known.body());
                assertEquals("GET, POST", known.header("Allow"), method);
                assertEquals("method_not_allowed", known.json().path("error").path("code").asText(), method);
                assertEquals("nosniff", known.header("X-Content-Type-Options"), method);
                Http.Result unknown = kernel.http().call(method, "/api/v1/nothing-here", null, null);
                assertEquals(404, unknown.status(), method + ": " + unknown.body());
                assertEquals("route_not_found", unknown.json().path("error").path("code").asText(), method);
                assertEquals("DENY", unknown.header("X-Frame-Options"), method);
            }
        }

        @Test
        void jettysOwnErrorsAreTheJsonErrorShapeWithTheSecurityHeaders() throws Exception {
            String hugeHeader = "X-Big: " + "a".repeat(64 * 1024) + "\r\n";
            for (String raw : List.of("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + hugeHeader + "\r\n",
                    "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/v1/he alth HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")) {
                String response = rawExchange(raw);
                String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
                String status = head.isEmpty() ? response : head.substring(0, head.indexOf("\r\n"));
                assertTrue(status.matches("http/1\\.1 4\\d\\d.*"), raw.substring(0, 30) + " -> " + status);
                assertTrue(head.contains("content-type: application/json"), head);
                assertTrue(head.contains("x-content-type-options: nosniff"), head);
                assertTrue(head.contains("content-security-policy: default-src 'none'"), head);
                String body = response.substring(response.indexOf("\r\n\r\n") + 4);
                assertTrue(body.contains("\"error\"") && body.contains("\"code\""), body);
                assertFalse(body.contains("<html"), body);
            }
        }

        String rawExchange(String request) throws Exception {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", kernel.http().uri("/").getPort())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = socket.getInputStream().read(buffer)) >= 0;) {
                        out.write(buffer, 0, n);
                        String text = out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                        int end = text.indexOf("\r\n\r\n");
                        if (end >= 0 && text.substring(end + 4).trim().endsWith("}")) {
                            break;
                        }
                    }
                } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                    // the server closes after an error; what arrived is the answer
                }
                return out.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        @Test
        void aRouteThatTakesNoBodyRefusesOneAndDoesNothing() {
            Http.Result token = kernel.http().post("/api/v1/tokens", "{\"name\":\"body-less\"}");
            Http session = kernel.anonymous().as(kernel.login("admin", KernelHarness.ADMIN_PASSWORD));
            for (String body : List.of("[null,null]", "{}", "null", "\"x\"")) {
                Http.Result refused = session.post("/api/v1/auth/logout", body);
                assertEquals(400, refused.status(), body + ": " + refused.body());
                assertEquals("unexpected_body", refused.json().path("error").path("code").asText());
                assertEquals(200, session.get("/api/v1/me").status(), "still signed in: the logout did not happen");
            }
            assertEquals(204, session.post("/api/v1/auth/logout", "").status(), "an empty body is fine");
            Http.Result array = kernel.http().post("/api/v1/tokens", "[null,null]");
            assertEquals(400, array.status(), "a route with a body wants a JSON object: " + array.body());
            assertEquals(201, token.status());
        }

        @Test
        void aTimestampBeyondTheYear9999IsRefused() {
            for (String when : List.of("%2B999999999-12-31T23:59:59Z", "1899-12-31T00:00:00Z")) {
                Http.Result refused = kernel.http().get("/api/v1/audit?from=" + when);
                assertEquals(400, refused.status(), when + ": " + refused.body());
                assertEquals("validation_failed", refused.json().path("error").path("code").asText());
                assertEquals("from", refused.json().path("error").path("details").path("fields").get(0).path("field").asText());
            }
            assertEquals(200, kernel.http().get("/api/v1/audit?from=2026-01-01T00:00:00Z").status());
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

        @Test
        void theApiDescriptionTypesBodiesIdsQueryParametersAndErrors() {
            JsonNode doc = kernel.http().get("/api/v1/openapi.json").json();
            JsonNode paths = doc.path("paths");
            JsonNode schemas = doc.path("components").path("schemas");

            JsonNode createUser = paths.path("/api/v1/users").path("post");
            JsonNode body = createUser.path("requestBody").path("content").path("application/json").path("schema");
            JsonNode newUser = resolve(schemas, body);
            assertEquals("object", newUser.path("type").asText(), newUser.toString());
            assertEquals("string", newUser.path("properties").path("username").path("type").asText());
            JsonNode roles = newUser.path("properties").path("roles");
            assertEquals("array", roles.path("type").asText(), roles.toString());
            JsonNode role = resolve(schemas, roles.path("items"));
            assertEquals("string", role.path("type").asText());
            List<String> values = new java.util.ArrayList<>();
            role.path("enum").forEach(v -> values.add(v.asText()));
            assertTrue(values.containsAll(List.of("ADMIN", "MANAGER", "REP")), values.toString());
            assertEquals("date", newUser.path("properties").path("hireDate").path("format").asText());

            JsonNode byId = paths.path("/api/v1/users/{id}").path("get").path("parameters").get(0);
            assertEquals("path", byId.path("in").asText());
            assertEquals("integer", byId.path("schema").path("type").asText());
            assertEquals("int64", byId.path("schema").path("format").asText());
            assertEquals("string", paths.path("/api/v1/modules/{module}").path("get").path("parameters").get(0).path("schema").path("type").asText(),
                    "a module id is text: a generated client must not send a number");

            JsonNode audit = paths.path("/api/v1/audit").path("get");
            JsonNode limit = null;
            for (JsonNode parameter : audit.path("parameters")) {
                if (parameter.path("name").asText().equals("limit")) {
                    limit = parameter;
                }
            }
            assertNotNull(limit, audit.toString());
            assertEquals("query", limit.path("in").asText());
            assertEquals("integer", limit.path("schema").path("type").asText());

            JsonNode outbox = paths.path("/api/v1/mail/outbox").path("get");
            JsonNode status = null;
            for (JsonNode parameter : outbox.path("parameters")) {
                if (parameter.path("name").asText().equals("state")) {
                    status = parameter;
                }
            }
            assertNotNull(status, outbox.toString());
            assertEquals("query", status.path("in").asText());
            assertTrue(resolve(schemas, status.path("schema")).path("enum").isArray(), status.toString());

            List<String> dangling = new java.util.ArrayList<>();
            doc.findValues("$ref").forEach(ref -> {
                if (!schemas.has(ref.asText().substring("#/components/schemas/".length()))) {
                    dangling.add(ref.asText());
                }
            });
            assertEquals(List.of(), dangling);

            JsonNode error = schemas.path("Error");
            assertEquals(List.of("code", "message", "details", "correlationId"),
                    List.of("code", "message", "details", "correlationId").stream().filter(error.path("properties").path("error").path("properties")::has).toList());
            for (String code : List.of("400", "401", "403", "404", "503", "default")) {
                assertEquals("#/components/schemas/Error", paths.path("/api/v1/users/{id}").path("put").path("responses").path(code)
                        .path("content").path("application/json").path("schema").path("$ref").asText(), code);
            }
            assertEquals("#/components/schemas/Error", paths.path("/api/v1/health").path("get").path("responses").path("default")
                    .path("content").path("application/json").path("schema").path("$ref").asText());
        }

        @Test
        void theApiDescriptionDeclaresTheItemsOfListRoutesAndTheirCursor() {
            JsonNode doc = kernel.http().get("/api/v1/openapi.json").json();
            JsonNode paths = doc.path("paths");
            JsonNode schemas = doc.path("components").path("schemas");

            JsonNode notes = success(paths.path("/api/v1/hello/notes").path("get"));
            assertEquals("object", notes.path("type").asText(), notes.toString());
            assertEquals("items", notes.path("required").get(0).asText());
            assertEquals("array", notes.path("properties").path("items").path("type").asText());
            JsonNode note = resolve(schemas, notes.path("properties").path("items").path("items"));
            assertEquals("int64", note.path("properties").path("ownerId").path("format").asText(), note.toString());
            assertEquals("string", note.path("properties").path("text").path("type").asText());
            assertFalse(notes.path("properties").has("nextAfter"), "the notes list takes no cursor");
            assertEquals(note, resolve(schemas, success(paths.path("/api/v1/hello/notes/{id}").path("get"))), "one note: the same record");

            JsonNode audit = success(paths.path("/api/v1/audit").path("get")).path("properties");
            assertEquals("[\"string\",\"null\"]", audit.path("nextBefore").path("type").toString(), audit.toString());
            assertTrue(resolve(schemas, audit.path("items").path("items")).path("properties").has("correlationId"));
        }

        @Test
        void aGeneratedClientCanReadTheTokenOfASignInByItsSchema() {
            JsonNode doc = kernel.http().get("/api/v1/openapi.json").json();
            JsonNode schemas = doc.path("components").path("schemas");
            JsonNode signedIn = resolve(schemas, success(doc.path("paths").path("/api/v1/auth/login").path("post")));
            Http.Result login = kernel.anonymous().post("/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + KernelHarness.ADMIN_PASSWORD + "\"}");
            assertEquals(200, login.status(), login.body());
            assertEquals(fieldNames(signedIn.path("properties")), fieldNames(login.json()), "the reply has the fields its schema names");
            assertEquals("string", signedIn.path("properties").path("token").path("type").asText());
            JsonNode me = resolve(schemas, signedIn.path("properties").path("user"));
            assertEquals(fieldNames(me.path("properties")), fieldNames(login.json().path("user")));
            assertEquals(me, resolve(schemas, success(doc.path("paths").path("/api/v1/me").path("get"))), "GET /me: the same record");
        }

        private static java.util.Set<String> fieldNames(JsonNode object) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            object.fieldNames().forEachRemaining(names::add);
            return names;
        }

        private static JsonNode success(JsonNode operation) {
            return operation.path("responses").path("200").path("content").path("application/json").path("schema");
        }

        private JsonNode resolve(JsonNode schemas, JsonNode schema) {
            String ref = schema.path("$ref").asText();
            assertTrue(ref.startsWith("#/components/schemas/"), schema.toString());
            return schemas.path(ref.substring("#/components/schemas/".length()));
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
