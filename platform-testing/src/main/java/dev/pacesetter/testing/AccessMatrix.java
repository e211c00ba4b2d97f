package dev.pacesetter.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A module's routes against who may call them, as an attacker would test them: every route the kernel's API
 * description ({@code /api/v1/openapi.json}) lists for the module — so a new route joins without anyone editing the
 * test — is called anonymously and as every persona of a {@link PilotOrganisation}, and every route on an owned record
 * on records in and out of each persona's scope. Each check returns the cells that answered wrong, so one run names
 * them all.
 *
 * <pre>
 * AccessMatrix matrix = new AccessMatrix(kernel, PilotOrganisation.create(kernel), "nps");
 * assertEquals(List.of(), matrix.roleProblems());
 * assertEquals(List.of(), matrix.scopeProblems(Map.of("GET /nps/surveys/{id}", new AccessMatrix.OwnedRecord(this::survey)), Map.of()));
 * </pre>
 */
public final class AccessMatrix {

    /** An id no record has: role checks call routes with it, so that no call changes a real record. */
    private static final String NO_SUCH_ID = "999999999";

    /** A route as the API description lists it: method, path below {@code /api/v1}, public or not, the roles it admits. */
    public record ServedRoute(String method, String path, boolean isPublic, Set<String> roles) {

        /** Whether the route admits the persona (any signed-in user, when it names no role). */
        public boolean allows(PilotOrganisation.Persona persona) {
            return isPublic || roles.contains("any") || persona.roles().stream().anyMatch(role -> roles.contains(role.name()));
        }

        /** {@code GET /leads/{id}}: how checks name routes. */
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * How to test a route on an owned record: a record owned by a persona ({@code rep1} or {@code rep2}), the body a
     * change sends ({@code null}: none), and the status of success (0: 200, or 204 for DELETE).
     */
    public record OwnedRecord(Function<String, Long> recordOwnedBy, String body, int success) {

        /** A route without a body whose success is 200 (204 for DELETE). */
        public OwnedRecord(Function<String, Long> recordOwnedBy) {
            this(recordOwnedBy, null, 0);
        }

        /** A route with a body whose success is 200 (204 for DELETE). */
        public OwnedRecord(Function<String, Long> recordOwnedBy, String body) {
            this(recordOwnedBy, body, 0);
        }
    }

    private final TestKernel kernel;
    private final PilotOrganisation org;
    private final String module;

    /** The matrix of {@code module}'s routes (its {@code Pacesetter-Module} id) for the personas of {@code org}. */
    public AccessMatrix(TestKernel kernel, PilotOrganisation org, String module) {
        this.kernel = kernel;
        this.org = org;
        this.module = module;
    }

    /** The module's routes as the API description lists them (tagged with the module's id), sorted. */
    public List<ServedRoute> routes() {
        JsonNode paths = kernel.admin().get("/api/v1/openapi.json").expect(200).path("paths");
        List<ServedRoute> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
                Map.Entry<String, JsonNode> operation = m.next();
                JsonNode op = operation.getValue();
                boolean ofModule = false;
                for (JsonNode tag : op.path("tags")) {
                    ofModule |= tag.asText().equals(module);
                }
                if (!ofModule) {
                    continue;
                }
                Set<String> roles = new HashSet<>();
                op.path("x-roles").forEach(role -> roles.add(role.asText()));
                routes.add(new ServedRoute(operation.getKey().toUpperCase(Locale.ROOT), path.getKey().substring("/api/v1".length()),
                        op.path("security").isEmpty(), roles));
            }
        }
        routes.sort(Comparator.comparing(ServedRoute::toString));
        return routes;
    }

    /**
     * Calls every route of the module anonymously and as every persona, each path parameter set to an id no record has
     * and {@code {}} as the body of a change. Wrong are: anything but 401 for an anonymous caller of a route that is not
     * public; anything but 403 for a persona the route does not admit; 401, 403 or a 5xx for one it admits.
     *
     * @return the wrong cells, e.g. {@code "GET /leads as hr1: 200 (expected 403)"}; empty when all are right
     */
    public List<String> roleProblems() {
        List<String> wrong = new ArrayList<>();
        for (ServedRoute route : routes()) {
            String path = "/api/v1" + route.path().replaceAll("\\{[^}]+}", NO_SUCH_ID);
            if (!route.isPublic()) {
                int anonymous = call(kernel.anonymous(), route, path, "{}").status();
                if (anonymous != 401) {
                    wrong.add(route + " anonymous: " + anonymous + " (expected 401)");
                }
            }
            for (PilotOrganisation.Persona persona : org.all()) {
                TestResponse result = call(persona.client(), route, path, "{}");
                boolean allowed = route.allows(persona);
                if (!allowed && result.status() != 403) {
                    wrong.add(route + " as " + persona.name() + ": " + result.status() + " (expected 403)");
                } else if (allowed && (result.status() == 401 || result.status() == 403 || result.status() >= 500)) {
                    wrong.add(route + " as " + persona.name() + ": " + result.status() + " " + result.body());
                }
            }
        }
        return wrong;
    }

    /**
     * Every route of the module with a path parameter, on records of {@code rep1} (South China) and {@code rep2} (North
     * China), as every persona the route admits: success where {@link PilotOrganisation#sees} says the persona sees the
     * owner's records, {@code 404} elsewhere. A route with a path parameter that is in neither {@code checks} nor
     * {@code reasons} is wrong too — a new route fails until it gets a scope check or a written reason it needs none — as
     * is a check of a route the module does not serve.
     *
     * @param checks  by route ({@code "GET /leads/{id}"}): how to get a record of an owner, and what to send
     * @param reasons by path ({@code "/lead-tags/{id}"}): why the route is not scoped by owner
     * @return the wrong answers; empty when all are right
     */
    public List<String> scopeProblems(Map<String, OwnedRecord> checks, Map<String, String> reasons) {
        List<String> wrong = new ArrayList<>();
        List<ServedRoute> routes = routes();
        Set<String> served = new HashSet<>(routes.stream().map(ServedRoute::toString).toList());
        checks.keySet().stream().filter(route -> !served.contains(route)).sorted()
                .forEach(route -> wrong.add(route + " is checked here but not served"));
        for (ServedRoute route : routes) {
            if (!route.path().contains("{")) {
                continue;
            }
            OwnedRecord check = checks.get(route.toString());
            if (check == null) {
                if (!reasons.containsKey(route.path())) {
                    wrong.add(route + " has a path parameter but neither a scope check nor a reason it needs none");
                }
                continue;
            }
            int success = check.success() != 0 ? check.success() : route.method().equals("DELETE") ? 204 : 200;
            for (PilotOrganisation.Persona persona : org.all()) {
                if (!route.allows(persona)) {
                    continue; // 403 whatever the record: roleProblems covers it
                }
                for (String owner : List.of("rep1", "rep2")) {
                    long id = check.recordOwnedBy().apply(owner);
                    TestResponse result = call(persona.client(), route, "/api/v1" + route.path().replace("{id}", Long.toString(id)), check.body());
                    int expected = org.sees(persona.name(), owner) ? success : 404;
                    if (result.status() != expected) {
                        wrong.add(route + " as " + persona.name() + " on a record of " + owner + ": " + result.status() + " (expected " + expected
                                + ") " + result.body());
                    }
                }
            }
        }
        return wrong;
    }

    private static TestResponse call(TestClient client, ServedRoute route, String path, String body) {
        boolean sendsBody = body != null && List.of("POST", "PUT", "PATCH").contains(route.method());
        return client.send(route.method(), path, "application/json", sendsBody ? body : null);
    }
}
