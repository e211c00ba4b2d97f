package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Pilot roll-out: a module switched on region by region, as callers in and outside those regions see it. */
class EnablementIT {

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

    abstract static class Scenarios extends OrganisationScenarios {

        Scenarios(Database database) {
            // the product default: a newly installed module is on nowhere until an administrator says so
            super(database, List.of("hello-v1"), "--modules-enabled-by-default=none");
        }

        @Test
        void aModuleIsSwitchedOnRegionByRegionAndAnswers404NamingItselfElsewhere() {
            enable("[]");
            assertEquals(List.of(), enabledRegions(), "new modules are on nowhere");
            Http.Result off = org.as("rep1").get("/api/v1/hello/notes");
            assertEquals(404, off.status());
            assertEquals("module_not_enabled", off.json().path("error").path("code").asText());
            assertEquals("hello", off.json().path("error").path("details").path("module").asText());
            assertTrue(off.json().path("error").path("message").asText().contains("“hello”"), off.body());
            assertEquals(404, kernel.anonymous().get("/api/v1/hello").status(), "a public route is off too while the module is on nowhere");
            assertEquals(200, org.as("admin").get("/api/v1/hello/notes").status(), "administrators try modules out before switching them on");

            Http.Result changed = enable("[\"south-china\"]");
            assertEquals(List.of("south-china"), List.of(changed.json().path("enabledRegions").get(0).asText()));
            assertEquals(List.of("south-china"), enabledRegions());
            assertEquals(200, org.as("rep1").get("/api/v1/hello/notes").status(), "on at once for the pilot region");
            assertEquals(200, org.as("manager1").get("/api/v1/hello/notes").status());
            assertEquals(404, org.as("rep2").get("/api/v1/hello/notes").status(), "still off in the other region");
            assertEquals(200, kernel.anonymous().get("/api/v1/hello").status(), "public routes serve once the module is on somewhere");

            enable("\"all\"");
            assertEquals("all", kernel.http().get("/api/v1/modules/hello").json().path("enabledRegions").asText());
            assertEquals(200, org.as("rep2").get("/api/v1/hello/notes").status());
            assertEquals(200, org.as("aftersales2").get("/api/v1/hello/notes").status());
        }

        @Test
        void usersInNoTeamBelongToTheRegionTheyManageOrAreAssignedToAndReachItsPilotModules() {
            enable("[\"north-china\"]");
            Http admin = kernel.http();
            long regionalNorth = user("regional2", "MANAGER", null, null);
            assertEquals(200, admin.put("/api/v1/regions/" + org.northChina, "{\"name\":\"North China\",\"managerId\":" + regionalNorth + "}")
                    .status());
            long marketingNorth = user("marketing2", "MARKETING", null, org.northChina);
            user("integrator2", "INTEGRATOR", null, org.northChina);
            user("nowhere", "MARKETING", null, null);
            for (String persona : List.of("regional2", "marketing2", "integrator2")) {
                Http.Result reached = as(persona).get("/api/v1/hello/notes");
                assertEquals(200, reached.status(), persona + " reaches the module of their region: " + reached.body());
            }
            assertEquals(org.northChina, as("regional2").get("/api/v1/me").json().path("regionId").asLong(), "the region they manage");
            assertEquals(org.northChina, as("marketing2").get("/api/v1/me").json().path("regionId").asLong(), "the region assigned to them");
            assertEquals(org.northChina, admin.get("/api/v1/users/" + marketingNorth).json().path("regionId").asLong());
            Http.Result nowhere = as("nowhere").get("/api/v1/hello/notes");
            assertEquals(404, nowhere.status(), "no team and no region: no pilot module");
            assertEquals("module_not_enabled", nowhere.json().path("error").path("code").asText());

            long note = created(org.as("rep2").post("/api/v1/hello/notes", "{\"text\":\"north rep's note\"}"));
            long own = created(as("marketing2").post("/api/v1/hello/notes", "{\"text\":\"campaign plan\"}"));
            assertEquals(200, as("marketing2").get("/api/v1/hello/notes/" + note).status(), "marketing sees the records of its region");
            assertEquals(200, as("regional2").get("/api/v1/hello/notes/" + note).status(), "the regional manager sees the region's records");
            assertEquals(200, as("regional2").get("/api/v1/hello/notes/" + own).status(),
                    "and those of region members who sit in no team");
            assertEquals(404, org.as("manager1").get("/api/v1/hello/notes/" + own).status(), "another region's manager does not");

            Http.Result mismatch = admin.post("/api/v1/users", "{\"username\":\"split\",\"displayName\":\"split\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\"],\"teamId\":" + org.teamSouth + ",\"regionId\":" + org.northChina + "}");
            assertEquals(400, mismatch.status(), mismatch.body());
            assertTrue(mismatch.body().contains("regionId"), mismatch.body());
            assertEquals(400, admin.post("/api/v1/users", "{\"username\":\"lost\",\"displayName\":\"lost\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\"],\"regionId\":999999}").status(), "no such region");
            enable("\"all\"");
        }

        private final Map<String, Http> extra = new ConcurrentHashMap<>();

        private long user(String name, String role, Long team, Long region) {
            Http.Result created = kernel.http().post("/api/v1/users", "{\"username\":\"" + name + "\",\"displayName\":\"" + name
                    + "\",\"password\":\"" + PilotOrganisation.PASSWORD + "\",\"roles\":[\"" + role + "\"]"
                    + (team == null ? "" : ",\"teamId\":" + team) + (region == null ? "" : ",\"regionId\":" + region) + "}");
            long id = created(created);
            extra.put(name, kernel.anonymous().as(kernel.login(name, PilotOrganisation.PASSWORD)));
            return id;
        }

        private Http as(String name) {
            return extra.get(name);
        }

        private static long created(Http.Result result) {
            assertEquals(201, result.status(), result.body());
            return result.json().path("id").asLong();
        }

        @Test
        void pluginsSeeTheEnabledRegionsAndSkipTheOthersInTheirQueries() {
            org.as("rep1").post("/api/v1/hello/notes", "{\"text\":\"south\"}");
            org.as("rep2").post("/api/v1/hello/notes", "{\"text\":\"north\"}");
            enable("\"all\"");
            JsonNode all = kernel.http().get("/api/v1/hello/pilot").json();
            enable("[\"north-china\"]");
            JsonNode north = kernel.http().get("/api/v1/hello/pilot").json();
            assertTrue(all.path("all").asBoolean());
            assertEquals(List.of(org.northChina), List.of(north.path("regionIds").get(0).asLong()));
            long northNotes = org.as("rep2").get("/api/v1/hello/notes").json().path("items").size();
            assertEquals(northNotes, north.path("notesInEnabledRegions").asLong(), "only the notes of north-china's people");
            assertTrue(all.path("notesInEnabledRegions").asLong() > northNotes, all + " vs " + north);
            enable("\"all\"");
        }

        @Test
        void onlyAdministratorsChangeEnablementAndBadRequestsChangeNothing() {
            enable("[\"south-china\"]");
            Http.Result byManager = org.as("manager1").put("/api/v1/modules/hello/enablement", "{\"regions\":\"all\"}");
            assertEquals(403, byManager.status());
            Http.Result unknownModule = kernel.http().put("/api/v1/modules/nope/enablement", "{\"regions\":\"all\"}");
            assertEquals(404, unknownModule.status());
            assertEquals("没有已安装的模块“nope”。", unknownModule.json().path("error").path("message").asText(), unknownModule.body());
            Http.Result unknownRegion = kernel.http().put("/api/v1/modules/hello/enablement", "{\"regions\":[\"south-china\",\"atlantis\"]}");
            assertEquals(400, unknownRegion.status());
            assertEquals("regions", unknownRegion.json().path("error").path("details").path("fields").get(0).path("field").asText());
            assertTrue(unknownRegion.body().contains("atlantis"), unknownRegion.body());
            assertEquals(400, kernel.http().put("/api/v1/modules/hello/enablement", "{\"regions\":5}").status());
            assertEquals(400, kernel.http().put("/api/v1/modules/hello/enablement", "{\"regions\":\"everywhere\"}").status());
            assertEquals(400, kernel.http().put("/api/v1/modules/hello/enablement", "{\"regions\":\"all\",\"extra\":1}").status());
            assertEquals(409, kernel.http().put("/api/v1/modules/platform/enablement", "{\"regions\":[]}").status());
            assertEquals(List.of("south-china"), enabledRegions(), "nothing changed");
            enable("\"all\"");
        }

        @Test
        void everyEnablementChangeIsAudited() {
            enable("[\"north-china\"]");
            enable("\"all\"");
            JsonNode rows = kernel.http().get("/api/v1/audit?module=platform&resource=modules&recordId=hello&limit=2").json().path("items");
            assertEquals(2, rows.size(), rows.toString());
            JsonNode latest = rows.get(0);
            assertEquals("enablement", latest.path("action").asText());
            assertEquals("admin", latest.path("username").asText());
            assertEquals(List.of("north-china"), List.of(latest.path("before").path("enabledRegions").get(0).asText()));
            assertEquals("all", latest.path("after").path("enabledRegions").asText());
        }

        @Test
        void togglingWhileRequestsAreInFlightNeverFailsARequestAndTakesEffectAtOnce() throws Exception {
            enable("\"all\"");
            ExecutorService load = Executors.newFixedThreadPool(4);
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(load.submit(() -> {
                    while (running.get()) {
                        Http.Result r = org.as("rep2").get("/api/v1/hello/notes");
                        String outcome = r.status() == 200 ? "200" : r.status() + " " + r.json().path("error").path("code").asText();
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            try {
                for (int i = 0; i < 10; i++) {
                    enable("[\"south-china\"]");
                    assertEquals(404, org.as("rep2").get("/api/v1/hello/notes").status(), "switched off for north-china at once");
                    enable("\"all\"");
                    assertEquals(200, org.as("rep2").get("/api/v1/hello/notes").status(), "switched on at once");
                }
            } finally {
                running.set(false);
                for (Future<?> worker : workers) {
                    worker.get(30, TimeUnit.SECONDS);
                }
                load.shutdown();
            }
            assertEquals(Set.of("200", "404 module_not_enabled"), outcomes.keySet(), "only the two states, never an error: " + outcomes);
        }

        Http.Result enable(String regions) {
            Http.Result result = kernel.http().put("/api/v1/modules/hello/enablement", "{\"regions\":" + regions + "}");
            assertEquals(200, result.status(), result.body());
            return result;
        }

        List<String> enabledRegions() {
            JsonNode modules = kernel.http().get("/api/v1/modules").json().path("items");
            for (JsonNode module : modules) {
                if (module.path("id").asText().equals("hello")) {
                    List<String> regions = new ArrayList<>();
                    module.path("enabledRegions").forEach(r -> regions.add(r.asText()));
                    return regions;
                }
            }
            throw new AssertionError("hello is not listed: " + modules);
        }
    }
}
