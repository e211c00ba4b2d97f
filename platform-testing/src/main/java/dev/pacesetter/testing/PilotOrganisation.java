package dev.pacesetter.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pacesetter.platform.api.Role;

/**
 * A small sales organisation with one signed-in persona per role, built over REST in a test kernel, for tests of who
 * may do what and who sees which records:
 *
 * <pre>
 * South China  team "Guangzhou A" (manager1)  rep1, manager1, regional1 (manages the region), hr1, marketing1, integrator1
 * North China  team "Beijing B"   (manager2)  rep2, manager2, aftersales2
 * </pre>
 *
 * plus {@code admin}, the kernel's first administrator. Region codes and user names carry a number of their own
 * ({@code south-china-3}, {@code rep1.p3}) so that several pilots live side by side in a {@link SharedKernels shared}
 * kernel; display names are the persona names, and tests refer to personas by those ({@code as("rep1")}).
 */
public final class PilotOrganisation {

    /** A signed-in persona: its name in this organisation, user name and id, roles, and a client acting as it. */
    public record Persona(String name, String username, long id, Set<Role> roles, TestClient client) {
    }

    private final TestKernel kernel;
    /** This pilot's number in its kernel, in its region codes and user names. */
    private final int number;
    private final long southChina;
    private final long northChina;
    private final long teamSouth;
    private final long teamNorth;
    private final Map<String, Persona> personas = new LinkedHashMap<>();

    private PilotOrganisation(TestKernel kernel, int number, long southChina, long northChina, long teamSouth, long teamNorth) {
        this.kernel = kernel;
        this.number = number;
        this.southChina = southChina;
        this.northChina = northChina;
        this.teamSouth = teamSouth;
        this.teamNorth = teamNorth;
    }

    /** Builds a new pilot organisation in {@code kernel}, beside whatever is there already. */
    public static PilotOrganisation create(TestKernel kernel) {
        int n = kernel.nextSerial();
        TestOrganisation builder = kernel.organisation();
        long south = builder.createRegion("south-china-" + n, "South China");
        long north = builder.createRegion("north-china-" + n, "North China");
        PilotOrganisation org = new PilotOrganisation(kernel, n, south, north, builder.createTeam(south, "Guangzhou A"),
                builder.createTeam(north, "Beijing B"));
        List<Member> members = List.of(new Member("rep1", Role.REP, org.teamSouth), new Member("rep2", Role.REP, org.teamNorth),
                new Member("manager1", Role.MANAGER, org.teamSouth), new Member("manager2", Role.MANAGER, org.teamNorth),
                new Member("regional1", Role.MANAGER, org.teamSouth), new Member("hr1", Role.HR, org.teamSouth),
                new Member("marketing1", Role.MARKETING, org.teamSouth), new Member("aftersales2", Role.AFTER_SALES, org.teamNorth),
                new Member("integrator1", Role.INTEGRATOR, org.teamSouth));
        // each user is a password hash to make and one to check at sign-in: made side by side, they take about half the time
        members.parallelStream().map(org::signedIn).toList().forEach(persona -> org.personas.put(persona.name(), persona));
        builder.makeTeamManager(org.teamSouth, org.id("manager1"));
        builder.makeTeamManager(org.teamNorth, org.id("manager2"));
        builder.makeRegionalManager(south, org.id("regional1"));
        TestClient admin = kernel.admin();
        org.personas.put("admin", new Persona("admin", "admin", admin.userId(), Set.of(Role.ADMIN), admin));
        return org;
    }

    /** A persona to be: name, role, team. */
    private record Member(String name, Role role, long team) {
    }

    private Persona signedIn(Member member) {
        TestClient client = newUser(member.name(), member.team(), member.role());
        return new Persona(member.name(), username(member.name()), client.userId(), Set.of(member.role()), client);
    }

    /**
     * Another user in one of this organisation's teams, signed in: {@code name} is their display name, their user
     * name is made unique ({@link #username(String)}).
     */
    public TestClient newUser(String name, long teamId, Role... roles) {
        return kernel.organisation().createUser(username(name), name, teamId, roles);
    }

    /** The user name of {@code name} in this organisation ({@code rep1.p3}), e.g. for an import file's owner column. */
    public String username(String name) {
        return name.equals("admin") ? "admin" : name + ".p" + number;
    }

    /** A persona by name ({@code rep1}, {@code manager2}, {@code admin}, …). */
    public Persona persona(String name) {
        Persona persona = personas.get(name);
        if (persona == null) {
            throw new IllegalArgumentException("no persona " + name + " (there are " + personas.keySet() + ")");
        }
        return persona;
    }

    /** A client acting as the persona. */
    public TestClient as(String name) {
        return persona(name).client();
    }

    /** The persona's user id. */
    public long id(String name) {
        return persona(name).id();
    }

    /** Every persona, the administrator last. */
    public List<Persona> all() {
        List<Persona> all = new ArrayList<>(personas.values());
        all.sort(Comparator.comparing(p -> p.name().equals("admin")));
        return all;
    }

    /**
     * Whether {@code persona} sees records owned by {@code owner} ({@code rep1}: south, or {@code rep2}: north) under
     * the platform's row scope: administrators and HR see everyone's, an integrator nobody's, the others those of their
     * own team or region.
     */
    public boolean sees(String persona, String owner) {
        return switch (persona) {
            case "admin", "hr1" -> true;
            case "integrator1" -> false;
            case "rep1", "manager1", "regional1", "marketing1" -> owner.equals("rep1");
            case "rep2", "manager2", "aftersales2" -> owner.equals("rep2");
            default -> throw new IllegalArgumentException("no persona " + persona);
        };
    }

    /** The id of the South China region. */
    public long southChina() {
        return southChina;
    }

    /** The id of the North China region. */
    public long northChina() {
        return northChina;
    }

    /** The code of the South China region ({@code south-china-3}), e.g. to switch a module off there. */
    public String southChinaCode() {
        return "south-china-" + number;
    }

    /** The code of the North China region ({@code north-china-3}). */
    public String northChinaCode() {
        return "north-china-" + number;
    }

    /** The id of team "Guangzhou A" in South China. */
    public long teamSouth() {
        return teamSouth;
    }

    /** The id of team "Beijing B" in North China. */
    public long teamNorth() {
        return teamNorth;
    }
}
