package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every served route × every role, and every route on an owned record × own and foreign records, over
 * HTTP. The routes come from {@code /api/v1/openapi.json}, so a plugin's new routes join the matrix
 * without anyone editing this test; a new route with a path parameter fails here until it is given a
 * scope check below or a reason it needs none. Here the kernel's routes and the hello fixture's; each
 * product plugin runs the same matrix on its own routes with the test kit's {@code AccessMatrix}
 * ({@code LeadsAccessIT}, {@code PipelineAccessIT}).
 */
class AccessMatrixIT {

    @Nested
    class OnH2 extends Matrix {
        OnH2() {
            super(Database.H2);
        }
    }

    @Nested
    class OnPostgres extends Matrix {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    /** A route as the API description lists it. */
    record Listed(String method, String path, boolean isPublic, Set<String> roles) {
        boolean allows(PilotOrganisation.Persona persona) {
            return isPublic || roles.contains("any") || persona.roles().stream().anyMatch(roles::contains);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * How to test one owned-record route: a record owned by a persona, the body a change sends, and who
     * may reach a record of whom (the row scope, unless the resource is private to its owner).
     */
    record ScopedRoute(Function<String, Long> recordOwnedBy, String body, java.util.function.BiPredicate<String, String> visible, int success) {
        ScopedRoute(Function<String, Long> recordOwnedBy, String body, java.util.function.BiPredicate<String, String> visible) {
            this(recordOwnedBy, body, visible, 0);
        }
    }

    /** Routes with path parameters that are not about owned records, and why. */
    static final Map<String, String> NOT_OWNER_SCOPED = Map.ofEntries(
            Map.entry("/regions/{id}", "the organisation chart: every signed-in user reads it; only administrators change it"),
            Map.entry("/teams/{id}", "the organisation chart, as regions"),
            Map.entry("/modules/{module}", "module status is platform metadata"),
            Map.entry("/modules/{module}/enablement", "platform metadata; changing it is for administrators only"),
            Map.entry("/modules/{module}/migrations/repair", "platform maintenance, for administrators only; a module is no one's record"),
            Map.entry("/bundles/{id}", "administrators only"),
            Map.entry("/bundles/{id}/stop", "administrators only"),
            Map.entry("/bundles/{id}/start", "administrators only"),
            Map.entry("/tokens/{id}", "a caller's own API tokens; revoking another user's token is tested in IdentityIT"),
            Map.entry("/users/{id}/deactivate", "administrators only, who see every user"),
            Map.entry("/permissions/{permission}/roles", "administrators only: a permission is platform configuration, no one's record"),
            Map.entry("/permissions/{permission}/users/{userId}", "administrators only, who see every user"),
            Map.entry("/users/{id}/reactivate", "administrators only, who see every user"),
            Map.entry("/events/parked/{id}/replay", "administrators only: event delivery is platform operations"),
            Map.entry("/jobs/parked/{id}/retry", "administrators only: the scheduler is platform operations"),
            Map.entry("/webhooks/{id}", "administrators only: webhooks are platform integrations, not owned records"),
            Map.entry("/webhooks/{id}/secret", "administrators only, as webhooks"),
            Map.entry("/webhooks/{id}/deliveries", "administrators only, as webhooks"),
            Map.entry("/webhooks/deliveries/{id}/replay", "administrators only, as webhooks"),
            Map.entry("/mail/outbox/{id}/retry", "administrators only: the mail outbox is platform operations"),
            Map.entry("/notification-preferences/{kind}", "the caller's own preference for a kind: the path names a kind, never a user,"
                    + " so another user's cannot be addressed (MailIT checks it)"),
            Map.entry("/hello/greetings/{id}", "fixture: public sample data without an owner"));

    abstract static class Matrix extends OrganisationScenarios {

        Matrix(Database database) {
            super(database, List.of("hello-v1"));
        }

        @Test
        void everyRouteAnswersEveryRoleAsItDeclares() {
            List<Listed> routes = servedRoutes();
            assertTrue(routes.size() > 30, "the platform's and the fixture's routes: " + routes);
            List<String> wrong = new ArrayList<>();
            for (Listed route : routes) {
                String path = concrete(route);
                if (!route.isPublic()) {
                    int anonymous = call(kernel.anonymous(), route, path).status();
                    if (anonymous != 401) {
                        wrong.add(route + " anonymous: " + anonymous + " (expected 401)");
                    }
                }
                for (PilotOrganisation.Persona persona : org.all()) {
                    Http client = route.path().equals("/auth/logout") // would end the persona's session
                            ? kernel.anonymous().as(kernel.login(persona.name(), password(persona))) : persona.http();
                    Http.Result result = call(client, route, path);
                    boolean allowed = route.allows(persona);
                    if (!allowed && result.status() != 403) {
                        wrong.add(route + " as " + persona.name() + ": " + result.status() + " (expected 403)");
                    } else if (allowed && (result.status() == 401 || result.status() == 403
                            || (result.status() >= 500 && !route.path().equals("/hello/boom")))) {
                        wrong.add(route + " as " + persona.name() + ": " + result.status() + " " + result.body());
                    }
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " cell(s) of the matrix are wrong:\n" + String.join("\n", wrong));
        }

        @Test
        void everyRouteOnAnOwnedRecordAnswers404OutsideTheCallersScope() {
            Map<String, ScopedRoute> scoped = Map.ofEntries(
                    Map.entry("GET /hello/notes/{id}", new ScopedRoute(this::note, null, this::sees)),
                    Map.entry("PUT /hello/notes/{id}", new ScopedRoute(this::note, "{\"text\":\"edited\"}", this::sees)),
                    Map.entry("DELETE /hello/notes/{id}", new ScopedRoute(this::note, null, this::sees)),
                    Map.entry("GET /users/{id}", new ScopedRoute(org::id, null, this::sees)),
                    Map.entry("PUT /users/{id}", new ScopedRoute(org::id, null, this::sees)),
                    // an inbox is private, administrators included
                    Map.entry("POST /notifications/{id}/read", new ScopedRoute(this::notification, null, String::equals)));
            List<String> wrong = new ArrayList<>();
            Set<String> served = new java.util.HashSet<>(servedRoutes().stream().map(Listed::toString).toList());
            scoped.keySet().stream().filter(route -> !served.contains(route)).forEach(route -> wrong.add(route + " is checked here but not served"));
            for (Listed route : servedRoutes()) {
                if (!route.path().contains("{")) {
                    continue;
                }
                ScopedRoute check = scoped.get(route.toString());
                if (check == null) {
                    if (!NOT_OWNER_SCOPED.containsKey(route.path())) {
                        wrong.add(route + " has a path parameter but neither a scope check nor a reason it needs none");
                    }
                    continue;
                }
                for (PilotOrganisation.Persona persona : org.all()) {
                    if (!route.allows(persona)) {
                        continue; // 403 whatever the record: the role matrix covers it
                    }
                    for (String owner : List.of("rep1", "rep2")) {
                        long id = check.recordOwnedBy().apply(owner);
                        String body = check.body() != null ? check.body() : route.path().startsWith("/users") && route.method().equals("PUT")
                                ? "{\"displayName\":\"" + owner + "\",\"roles\":[\"REP\"],\"teamId\":"
                                        + (owner.equals("rep1") ? org.teamSouth : org.teamNorth) + "}" : null;
                        Http.Result result = persona.http().call(route.method(), "/api/v1" + route.path().replace("{id}", Long.toString(id)),
                                "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
                        int success = check.success() != 0 ? check.success() : route.method().equals("DELETE") ? 204 : 200;
                        int expected = check.visible().test(persona.name(), owner) ? success : 404;
                        if (result.status() != expected) {
                            wrong.add(route + " as " + persona.name() + " on a record of " + owner + ": " + result.status() + " (expected "
                                    + expected + ") " + result.body());
                        }
                    }
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " scope check(s) failed:\n" + String.join("\n", wrong));
        }

        @Test
        void listsShowOnlyTheRecordsInScope() {
            long southNote = note("rep1");
            long northNote = note("rep2");
            for (PilotOrganisation.Persona persona : org.all()) {
                JsonNode items = persona.http().get("/api/v1/hello/notes").json().path("items");
                Set<Long> ids = new java.util.HashSet<>();
                items.forEach(item -> ids.add(item.path("id").asLong()));
                assertEquals(sees(persona.name(), "rep1"), ids.contains(southNote), persona.name() + " sees " + ids);
                assertEquals(sees(persona.name(), "rep2"), ids.contains(northNote), persona.name() + " sees " + ids);
            }
        }

        @Test
        void aRepWhoMovesTeamsLeavesTheOldManagersScopeAtOnce() {
            Http admin = kernel.http();
            Http.Result mover = admin.post("/api/v1/users", "{\"username\":\"mover\",\"displayName\":\"Mover\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\"],\"teamId\":" + org.teamSouth + "}");
            long moverId = mover.json().path("id").asLong();
            Http moverHttp = kernel.anonymous().as(kernel.login("mover", PilotOrganisation.PASSWORD));
            long noteId = moverHttp.post("/api/v1/hello/notes", "{\"text\":\"mine\"}").json().path("id").asLong();
            assertEquals(200, org.as("manager1").get("/api/v1/hello/notes/" + noteId).status());
            assertEquals(200, admin.put("/api/v1/users/" + moverId, "{\"displayName\":\"Mover\",\"roles\":[\"REP\"],\"teamId\":"
                    + org.teamNorth + "}").status());
            assertEquals(404, org.as("manager1").get("/api/v1/hello/notes/" + noteId).status());
            assertEquals(200, org.as("manager2").get("/api/v1/hello/notes/" + noteId).status());
        }

        /** Who sees records owned by rep1 (south team and region) and rep2 (north). */
        boolean sees(String persona, String owner) {
            return switch (persona) {
                case "admin", "hr1" -> true;
                case "integrator1" -> false;
                case "rep1", "manager1", "regional1", "marketing1" -> owner.equals("rep1");
                case "rep2", "manager2", "aftersales2" -> owner.equals("rep2");
                default -> throw new IllegalArgumentException(persona);
            };
        }

        /** A notification in {@code owner}'s inbox (the fixture confirms every saved note to its owner). */
        long notification(String owner) {
            note(owner);
            return org.as(owner).get("/api/v1/notifications?unread=true&size=1").json().path("items").get(0).path("id").asLong();
        }

        long note(String owner) {
            Http.Result created = org.as(owner).post("/api/v1/hello/notes", "{\"text\":\"note of " + owner + "\"}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        List<Listed> servedRoutes() {
            JsonNode paths = kernel.http().get("/api/v1/openapi.json").json().path("paths");
            List<Listed> routes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> path = p.next();
                for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
                    Map.Entry<String, JsonNode> op = m.next();
                    Set<String> roles = new java.util.HashSet<>();
                    op.getValue().path("x-roles").forEach(role -> roles.add(role.asText()));
                    routes.add(new Listed(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey().substring("/api/v1".length()),
                            op.getValue().path("security").isEmpty(), roles));
                }
            }
            routes.sort(java.util.Comparator.comparing(Listed::toString));
            return routes;
        }

        /** A path with every parameter set to an id nothing has, so no call changes a real record. */
        static String concrete(Listed route) {
            String path = "/api/v1" + route.path().replaceAll("\\{[^}]+}", "999999999");
            return route.path().equals("/hello/slow") ? path + "?ms=1" : path;
        }

        static Http.Result call(Http client, Listed route, String path) {
            boolean body = route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH");
            return client.call(route.method(), path, "application/json", body ? "{}".getBytes(StandardCharsets.UTF_8) : null);
        }

        static String password(PilotOrganisation.Persona persona) {
            return persona.name().equals("admin") ? KernelHarness.ADMIN_PASSWORD : PilotOrganisation.PASSWORD;
        }
    }
}
