package dev.pacesetter.testing;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.platform.api.Role;

/**
 * Builds a sales organisation in a test kernel over the REST API, as an administrator would: regions, teams in them,
 * users in teams with their roles, and who manages a team or a region. Row scoping follows from it (a rep sees their
 * own records, a team manager their team's, a regional manager their region's). Get one from
 * {@link TestKernel#organisation()}; {@link PilotOrganisation} is a ready-made one with a persona per role.
 */
public final class TestOrganisation {

    private final TestKernel kernel;
    private final TestClient admin;

    TestOrganisation(TestKernel kernel, TestClient admin) {
        this.kernel = kernel;
        this.admin = admin;
    }

    /**
     * Creates a region and returns its id.
     *
     * @param code unique in the kernel: 2 to 40 lower-case letters, digits and dashes ({@code south-china})
     */
    public long createRegion(String code, String name) {
        return admin.post("/api/v1/regions", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}").expect(201).path("id").asLong();
    }

    /** Creates a team in a region and returns its id; team names are unique within their region. */
    public long createTeam(long regionId, String name) {
        return admin.post("/api/v1/teams", "{\"regionId\":" + regionId + ",\"name\":\"" + name + "\"}").expect(201).path("id").asLong();
    }

    /**
     * A new user in a team, with {@code roles}, signed in; the display name is the user name. The password is
     * {@link TestKernel#PASSWORD}.
     *
     * @param username unique in the kernel: lower-case letters, digits, dots, dashes
     */
    public TestClient createUser(String username, long teamId, Role... roles) {
        return createUser(username, username, teamId, roles);
    }

    /** {@link #createUser(String, long, Role...)} with a display name of its own (what reports and alerts show). */
    public TestClient createUser(String username, String displayName, long teamId, Role... roles) {
        String list = Stream.of(roles).map(r -> "\"" + r.name() + "\"").collect(Collectors.joining(","));
        admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\",\"password\":\""
                + TestKernel.PASSWORD + "\",\"roles\":[" + list + "],\"teamId\":" + teamId + "}").expect(201);
        return kernel.signedInAs(username);
    }

    /** Makes a user the manager of a team: they see the records of its members. */
    public void makeTeamManager(long teamId, long userId) {
        JsonNode team = admin.get("/api/v1/teams/" + teamId).expect(200);
        admin.put("/api/v1/teams/" + teamId, "{\"regionId\":" + team.path("regionId").asLong() + ",\"name\":" + team.path("name")
                + ",\"managerId\":" + userId + "}").expect(200);
    }

    /** Makes a user the manager of a region: they see the records of everyone in it. */
    public void makeRegionalManager(long regionId, long userId) {
        JsonNode region = admin.get("/api/v1/regions/" + regionId).expect(200);
        admin.put("/api/v1/regions/" + regionId, "{\"name\":" + region.path("name") + ",\"managerId\":" + userId + "}").expect(200);
    }
}
