package dev.pacesetter.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The plan's scenarios on the shipped product: {@code bin/pacesetter} on a fresh home, set up over REST the way a
 * sales-ops administrator sets up a pilot (region, team, manager, rep, modules switched on for the region), and
 * nothing else. An A lead nobody phones alerts its owner and the team manager and publishes the breach; a call in
 * time closes its follow-up; a proposal without feedback reminds the owner. Then the same after a restart. The plan's
 * own rules as shipped (A leads phoned within 24 hours, proposals answered within 3 days): the test moves the product's
 * clock rather than shortening them.
 * (In the test harness the A-lead alert worked while in the product it never fired: this is the guard.)
 */
class PlanScenariosIT {

    private static final String HOT = "\"intent\":\"HIGH\",\"budgetStatus\":\"CONFIRMED\",\"decisionRole\":\"DECISION_MAKER\"";
    private static final String PASSWORD = "persona-password-123";

    @ParameterizedTest
    @EnumSource(Product.Db.class)
    void aLeadsAreAlertedCalledLeadsClosedAndQuietProposalsRemindedOnTheShippedProduct(Product.Db db, @TempDir Path home) throws Exception {
        try (Hooks hooks = new Hooks();
                // the plan's own times (24 hours, 3 days) on a clock the test moves; sign-ins outlast the moved days
                Product product = Product.start(db, home, Map.of("PACESETTER_WEBHOOKS_ALLOW", "127.0.0.1", "PACESETTER_CLOCK_ADJUSTABLE", "true",
                        "PACESETTER_SESSION_TTL_SECONDS", "31536000"))) {
            Product.Client admin = product.signIn("admin", Product.ADMIN_PASSWORD);
            Pilot pilot = Pilot.setUp(product, admin);
            admin.post("/api/v1/webhooks", "{\"url\":\"" + hooks.url() + "\",\"topics\":[\"leads/*\",\"pipeline/*\"]}").expect(201);
            String log = product.log();
            assertTrue(log.contains("Deadline handler for leads/lead.follow-up registered"), log);
            assertTrue(log.contains("Deadline handler for pipeline/stage.no-feedback registered"), log);
            for (JsonNode module : admin.get("/api/v1/modules").expect(200).path("items")) {
                assertEquals("ACTIVE", module.path("state").asText(), module.toString());
            }

            aLeadNobodyPhonesAlertsOwnerAndManagerWhileACallInTimeClosesItsFollowUp(admin, pilot, hooks, "before");
            aProposalWithoutFeedbackRemindsItsOwner(admin, pilot, hooks);

            product.restart();
            Pilot again = pilot.signInAgain(product);
            aLeadNobodyPhonesAlertsOwnerAndManagerWhileACallInTimeClosesItsFollowUp(product.signIn("admin", Product.ADMIN_PASSWORD), again,
                    hooks, "after");
        }
    }

    private static void aLeadNobodyPhonesAlertsOwnerAndManagerWhileACallInTimeClosesItsFollowUp(Product.Client admin, Pilot pilot,
            Hooks hooks, String phase) throws Exception {
        long missed = pilot.rep.post("/api/v1/leads", "{\"personName\":\"张伟 " + phase + "\",\"phone\":\"+86 138 0013 " + (phase.length() + 1000)
                + "\"," + HOT + "}").expect(201).path("id").asLong();
        long called = pilot.rep.post("/api/v1/leads", "{\"personName\":\"李雷 " + phase + "\",\"phone\":\"+86 139 0013 " + (phase.length() + 2000)
                + "\"," + HOT + "}").expect(201).path("id").asLong();
        assertEquals("A", pilot.rep.get("/api/v1/leads/" + missed).expect(200).path("grade").asText());
        JsonNode call = pilot.rep.post("/api/v1/leads/" + called + "/touches", "{\"kind\":\"CALL\",\"outcome\":\"REACHED\"}").expect(201);
        assertEquals("DONE", call.path("followUpDone").path("status").asText(), call.toString());
        assertEquals(0, alerts(pilot.rep, "/leads/" + missed).size(), "nothing before the 24 hours are up");

        admin.post("/api/v1/clock/advance", "{\"by\":\"PT24H1M\"}").expect(200);
        await(Duration.ofSeconds(30), () -> alerts(pilot.rep, "/leads/" + missed).size() == 1 && alerts(pilot.manager, "/leads/" + missed).size() == 1,
                "owner and team manager alerted of the A lead nobody phoned (" + phase + " restart)");
        for (Product.Client person : List.of(pilot.rep, pilot.manager)) {
            JsonNode alert = alerts(person, "/leads/" + missed).get(0);
            assertEquals("leads.sla-breached", alert.path("kind").asText());
            assertEquals("RED", alert.path("severity").asText());
        }
        JsonNode followUp = pilot.rep.get("/api/v1/leads/" + missed + "/follow-ups").expect(200).path("items").get(0);
        assertEquals("BREACHED", followUp.path("status").asText(), followUp.toString());
        await(Duration.ofSeconds(20), () -> hooks.topics(missed).contains("leads/lead.sla-breached"), "leads/lead.sla-breached published");

        assertEquals(0, alerts(pilot.rep, "/leads/" + called).size(), "phoned in time: no alert");
        assertEquals(0, alerts(pilot.manager, "/leads/" + called).size());
        assertEquals("DONE", pilot.rep.get("/api/v1/leads/" + called + "/follow-ups").expect(200).path("items").get(0).path("status").asText());
        assertFalse(hooks.topics(called).contains("leads/lead.sla-breached"));
    }

    private static void aProposalWithoutFeedbackRemindsItsOwner(Product.Client admin, Pilot pilot, Hooks hooks) throws Exception {
        long lead = pilot.rep.post("/api/v1/leads", "{\"personName\":\"王芳\",\"company\":\"华南制造\",\"phone\":\"13700137000\"," + HOT + "}")
                .expect(201).path("id").asLong();
        pilot.rep.post("/api/v1/leads/" + lead + "/qualify", "").expect(200);
        pilot.rep.post("/api/v1/leads/" + lead + "/convert", "{\"opportunityName\":\"华南制造 CRM\"}").expect(200);
        long[] opportunity = new long[1];
        await(Duration.ofSeconds(20), () -> {
            for (JsonNode o : get(pilot.rep, "/api/v1/opportunities").path("items")) {
                if (o.path("sourceLeadId").asLong() == lead) {
                    opportunity[0] = o.path("id").asLong();
                }
            }
            return opportunity[0] != 0;
        }, "the converted lead became an opportunity");
        pilot.rep.post("/api/v1/opportunities/" + opportunity[0] + "/stage", "{\"stage\":\"PROPOSAL_SUBMITTED\"}").expect(200);
        admin.post("/api/v1/clock/advance", "{\"by\":\"P3DT1M\"}").expect(200); // three days without customer feedback

        await(Duration.ofSeconds(30), () -> {
            for (JsonNode task : get(pilot.rep, "/api/v1/tasks?status=ALL").path("items")) {
                if (task.path("opportunityId").asLong() == opportunity[0] && task.path("source").asText().equals("DEADLINE")) {
                    return true;
                }
            }
            return false;
        }, "a care task for the proposal without feedback");
        await(Duration.ofSeconds(10), () -> get(pilot.rep, "/api/v1/notifications?size=100").path("items").toString()
                .contains("/opportunities/" + opportunity[0]), "the owner is told");
        await(Duration.ofSeconds(20), () -> hooks.topics(opportunity[0]).contains("pipeline/opportunity.deadline-missed"),
                "pipeline/opportunity.deadline-missed published");
    }

    /** One region with one team, its manager and a rep; leads and pipeline switched on for that region only. */
    private record Pilot(Product.Client rep, Product.Client manager) {

        static Pilot setUp(Product product, Product.Client admin) throws Exception {
            long region = admin.post("/api/v1/regions", "{\"code\":\"south-china\",\"name\":\"华南区\"}").expect(201).path("id").asLong();
            long team = admin.post("/api/v1/teams", "{\"regionId\":" + region + ",\"name\":\"广州一组\"}").expect(201).path("id").asLong();
            long manager = user(admin, "manager1", "MANAGER", team);
            user(admin, "rep1", "REP", team);
            admin.put("/api/v1/teams/" + team, "{\"regionId\":" + region + ",\"name\":\"广州一组\",\"managerId\":" + manager + "}").expect(200);
            for (String module : List.of("leads", "pipeline")) {
                admin.put("/api/v1/modules/" + module + "/enablement", "{\"regions\":[\"south-china\"]}").expect(200);
            }
            return new Pilot(product.signIn("rep1", PASSWORD), product.signIn("manager1", PASSWORD));
        }

        Pilot signInAgain(Product product) throws Exception {
            return new Pilot(product.signIn("rep1", PASSWORD), product.signIn("manager1", PASSWORD));
        }

        private static long user(Product.Client admin, String name, String role, long team) throws Exception {
            return admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"" + PASSWORD
                    + "\",\"roles\":[\"" + role + "\"],\"teamId\":" + team + "}").expect(201).path("id").asLong();
        }
    }

    private static List<JsonNode> alerts(Product.Client person, String link) {
        List<JsonNode> found = new ArrayList<>();
        get(person, "/api/v1/notifications?size=100").path("items").forEach(n -> {
            if (n.path("link").asText().equals(link)) {
                found.add(n);
            }
        });
        return found;
    }

    private static JsonNode get(Product.Client person, String path) {
        try {
            return person.get(path).json();
        } catch (Exception e) {
            return KernelNodes.JSON.createObjectNode();
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Duration bound, Check check, String what) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + bound.toSeconds() + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    /** A webhook receiver on loopback that keeps every event delivered to it. */
    private static final class Hooks implements AutoCloseable {

        private final HttpServer server;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();

        Hooks() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(KernelNodes.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        List<String> topics(long aggregateId) {
            return received.stream().filter(e -> e.path("aggregateId").asText().equals(Long.toString(aggregateId)))
                    .map(e -> e.path("topic").asText()).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
