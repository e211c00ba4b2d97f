package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small sales organisation built over the REST API, the way an administrator would: two regions,
 * a team in each, and one user per persona. Tests act as these personas.
 *
 * <pre>
 * south-china  team "Guangzhou A" (manager: manager1)  rep1, manager1, regional1 (manages the region), hr1, marketing1, integrator1
 * north-china  team "Beijing B"   (manager: manager2)  rep2, manager2, aftersales2
 * </pre>
 */
final class PilotOrganisation {

    static final String PASSWORD = "persona-password-123";

    /** A signed-in persona. */
    record Persona(String name, long id, List<String> roles, Http http) {
    }

    final long southChina;
    final long northChina;
    final long teamSouth;
    final long teamNorth;
    private final Map<String, Persona> personas = new LinkedHashMap<>();

    private PilotOrganisation(long southChina, long northChina, long teamSouth, long teamNorth) {
        this.southChina = southChina;
        this.northChina = northChina;
        this.teamSouth = teamSouth;
        this.teamNorth = teamNorth;
    }

    static PilotOrganisation create(KernelHarness kernel) {
        Http admin = kernel.http();
        long south = created(admin.post("/api/v1/regions", "{\"code\":\"south-china\",\"name\":\"South China\"}"));
        long north = created(admin.post("/api/v1/regions", "{\"code\":\"north-china\",\"name\":\"North China\"}"));
        long teamSouth = created(admin.post("/api/v1/teams", "{\"regionId\":" + south + ",\"name\":\"Guangzhou A\"}"));
        long teamNorth = created(admin.post("/api/v1/teams", "{\"regionId\":" + north + ",\"name\":\"Beijing B\"}"));
        PilotOrganisation org = new PilotOrganisation(south, north, teamSouth, teamNorth);
        org.add(kernel, "rep1", "REP", teamSouth);
        org.add(kernel, "rep2", "REP", teamNorth);
        org.add(kernel, "manager1", "MANAGER", teamSouth);
        org.add(kernel, "manager2", "MANAGER", teamNorth);
        org.add(kernel, "regional1", "MANAGER", teamSouth);
        org.add(kernel, "hr1", "HR", teamSouth);
        org.add(kernel, "marketing1", "MARKETING", teamSouth);
        org.add(kernel, "aftersales2", "AFTER_SALES", teamNorth);
        org.add(kernel, "integrator1", "INTEGRATOR", teamSouth);
        assertEquals(200, admin.put("/api/v1/teams/" + teamSouth, "{\"regionId\":" + south + ",\"name\":\"Guangzhou A\",\"managerId\":"
                + org.id("manager1") + "}").status());
        assertEquals(200, admin.put("/api/v1/teams/" + teamNorth, "{\"regionId\":" + north + ",\"name\":\"Beijing B\",\"managerId\":"
                + org.id("manager2") + "}").status());
        assertEquals(200, admin.put("/api/v1/regions/" + south, "{\"name\":\"South China\",\"managerId\":" + org.id("regional1") + "}").status());
        long adminId = admin.get("/api/v1/me").json().path("id").asLong();
        org.personas.put("admin", new Persona("admin", adminId, List.of("ADMIN"), admin));
        return org;
    }

    Persona persona(String name) {
        Persona persona = personas.get(name);
        if (persona == null) {
            throw new IllegalArgumentException("no persona " + name);
        }
        return persona;
    }

    Http as(String name) {
        return persona(name).http();
    }

    long id(String name) {
        return persona(name).id();
    }

    /** Every persona, admin last. */
    List<Persona> all() {
        List<Persona> all = new java.util.ArrayList<>(personas.values());
        all.sort(java.util.Comparator.comparing(p -> p.name().equals("admin")));
        return all;
    }

    private void add(KernelHarness kernel, String name, String role, long team) {
        Http.Result created = kernel.http().post("/api/v1/users", "{\"username\":\"" + name + "\",\"displayName\":\"" + name
                + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"],\"teamId\":" + team + "}");
        long id = created(created);
        personas.put(name, new Persona(name, id, List.of(role), kernel.anonymous().as(kernel.login(name, PASSWORD))));
    }

    private static long created(Http.Result result) {
        assertEquals(201, result.status(), result.body());
        return result.json().path("id").asLong();
    }
}
