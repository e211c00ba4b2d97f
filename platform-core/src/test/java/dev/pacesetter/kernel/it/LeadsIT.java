package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The leads plugin over REST: intake, grading, scoping, channels and tags. */
class LeadsIT {

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
            super(database, List.of("plugin-leads", "leadwatch"));
        }

        @Test
        void aManagerCannotRouteOrUnrouteAnotherRegionsLeads() {
            Http manager = org.as("manager1");
            Http.Result foreignRegion = manager.post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.northChina + ",\"teamId\":" + org.teamSouth + "}");
            assertEquals(403, foreignRegion.status(), "north's incoming leads diverted to my team: " + foreignRegion.body());
            Http.Result foreignTeam = manager.post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.southChina + ",\"teamId\":" + org.teamNorth + "}");
            assertEquals(403, foreignTeam.status(), foreignTeam.body());
            Http.Result north = kernel.http().post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.northChina + ",\"territory\":\"Hebei\","
                    + "\"teamId\":" + org.teamNorth + "}");
            assertEquals(201, north.status(), north.body());
            long northRule = north.json().path("id").asLong();
            assertEquals(404, manager.delete("/api/v1/lead-assignment-rules/" + northRule).status(), "another region's rule is not there for me");
            assertFalse(manager.get("/api/v1/lead-assignment-rules").body().contains("Hebei"), "nor in my list");
            assertTrue(org.as("manager2").get("/api/v1/lead-assignment-rules").body().contains("Hebei"));
            Http.Result regional = org.as("regional1").post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.southChina + ",\"territory\":"
                    + "\"Hainan\",\"teamId\":" + org.teamSouth + "}");
            assertEquals(201, regional.status(), "the regional manager routes their region's leads: " + regional.body());
            assertEquals(204, org.as("regional1").delete("/api/v1/lead-assignment-rules/" + regional.json().path("id").asLong()).status());
            assertEquals(204, org.as("manager2").delete("/api/v1/lead-assignment-rules/" + northRule).status());
        }

        @Test
        void leadsWithoutAnOwnerGoRoundRobinToTheActiveRepsOfTheTeamTheRuleNames() {
            Http admin = kernel.http();
            long rep3 = user("rep3", org.teamSouth);
            long rep4 = user("rep4", org.teamSouth);
            assertEquals(204, admin.post("/api/v1/users/" + rep4 + "/deactivate", "").status());
            Http.Result rule = org.as("manager1").post("/api/v1/lead-assignment-rules", "{\"territory\":\"Guangdong\",\"teamId\":" + org.teamSouth + "}");
            assertEquals(201, rule.status(), rule.body());
            assertEquals(400, org.as("manager1").post("/api/v1/lead-assignment-rules", "{\"teamId\":999999}").status());
            assertEquals(403, org.as("rep1").post("/api/v1/lead-assignment-rules", "{\"teamId\":" + org.teamSouth + "}").status());
            assertEquals(org.southChina, rule.json().path("regionId").asLong(), "a manager's rule applies to the team's region");

            List<Long> owners = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Http.Result lead = org.as("marketing1").post("/api/v1/leads", "{\"personName\":\"RR " + i + "\",\"phone\":\"7770000" + i
                        + "\",\"territory\":\"guangdong\"}");
                assertEquals(201, lead.status(), lead.body());
                owners.add(lead.json().path("ownerId").asLong());
            }
            long rep1 = org.id("rep1");
            assertEquals(List.of(rep1, rep3, rep1, rep3), owners, "in turn, skipping the deactivated rep");
            Http.Result unmatched = org.as("marketing1").post("/api/v1/leads", "{\"personName\":\"Nowhere\",\"phone\":\"77711111\",\"territory\":\"Tibet\"}");
            assertEquals(400, unmatched.status(), "no rule matches and marketing owns no leads: " + unmatched.body());
            assertTrue(unmatched.body().contains("lead-assignment-rules"), unmatched.body());

            Http.Result form = org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"Form\",\"email\":\"form@example.com\","
                    + "\"territory\":\"Guangdong\",\"externalId\":\"form-42\"}");
            assertEquals(201, form.status(), form.body());
            Http.Result again = org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"Form\",\"email\":\"form@example.com\","
                    + "\"territory\":\"Guangdong\",\"externalId\":\"form-42\"}");
            assertEquals(200, again.status(), "a repeated submission returns the lead it made");
            assertEquals(form.json().path("id").asLong(), again.json().path("id").asLong());
            Http.Result sameEmail = org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"Form\",\"email\":\"FORM@example.com\","
                    + "\"territory\":\"Guangdong\"}");
            assertEquals(200, sameEmail.status());
            assertEquals(form.json().path("id").asLong(), sameEmail.json().path("id").asLong());
            assertEquals(400, org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"F\",\"phone\":\"12345678\",\"ownerId\":" + rep1 + "}")
                    .status());
        }

        @Test
        void aManagerReassignsALeadWithAReasonAndEveryAssignmentIsInItsHistory() {
            long rep5 = user("rep5", org.teamSouth);
            long lead = createdLead("rep1", "{\"personName\":\"Move me\",\"phone\":\"88800001\"}");
            Http manager = org.as("manager1");
            assertEquals(403, org.as("rep1").post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + rep5 + ",\"reason\":\"x\"}").status());
            assertEquals(404, org.as("manager2").post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + org.id("rep2") + ",\"reason\":\"x\"}").status(),
                    "another team's manager does not see it");
            assertEquals(400, manager.post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + org.id("rep2") + ",\"reason\":\"x\"}").status(),
                    "not someone manager1 manages");
            assertEquals(400, manager.post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + rep5 + "}").status(), "a reason is required");
            Http.Result moved = manager.post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + rep5 + ",\"reason\":\"rep1 on leave\"}");
            assertEquals(200, moved.status(), moved.body());
            assertEquals(rep5, moved.json().path("ownerId").asLong());
            assertEquals(404, org.as("rep1").get("/api/v1/leads/" + lead).status(), "the old owner no longer sees it");
            JsonNode task = manager.get("/api/v1/leads/" + lead + "/follow-ups").json().path("items").get(0);
            assertEquals(rep5, task.path("ownerId").asLong(), "the open follow-up moved with the lead: " + task);
            JsonNode history = manager.get("/api/v1/leads/" + lead + "/history").json().path("items");
            assertEquals(2, history.size(), history.toString());
            assertEquals("rep1 on leave", history.get(1).path("note").asText());
            assertEquals(org.id("manager1"), history.get(1).path("byUserId").asLong());
            awaitWatched(LEAD_ASSIGNED, lead);
        }

        @Test
        void aQualifiedLeadConvertsOnceAndThePipelineGetsEverythingItNeeds() {
            long lead = createdLead("rep1", "{\"personName\":\"Zhao Min\",\"company\":\"Blue Sky Tech\",\"email\":\"zhao@bluesky.example\","
                    + "\"budgetStatus\":\"CONFIRMED\",\"budget\":{\"amount\":\"50000\",\"currency\":\"CNY\"}}");
            Http rep = org.as("rep1");
            Http.Result early = rep.post("/api/v1/leads/" + lead + "/convert", "{}");
            assertEquals(409, early.status(), "only a qualified lead converts");
            assertTrue(early.body().contains("QUALIFIED"), early.body());
            assertEquals(404, org.as("rep2").post("/api/v1/leads/" + lead + "/qualify", "").status());
            assertEquals(200, rep.post("/api/v1/leads/" + lead + "/qualify", "").status());
            Http.Result converted = rep.post("/api/v1/leads/" + lead + "/convert", "{\"opportunityName\":\"Blue Sky CRM rollout\"}");
            assertEquals(200, converted.status(), converted.body());
            assertEquals("50000.00", converted.json().path("amount").asText());
            Http.Result twice = rep.post("/api/v1/leads/" + lead + "/convert", "{}");
            assertEquals(409, twice.status());
            assertEquals("already_converted", twice.json().path("error").path("code").asText());
            assertEquals("CONVERTED", rep.get("/api/v1/leads/" + lead).json().path("status").asText());
            assertEquals("CANCELLED", rep.get("/api/v1/leads/" + lead + "/follow-ups").json().path("items").get(0).path("status").asText(),
                    "a converted lead is no longer followed up");
            JsonNode event = awaitWatched(LEAD_CONVERTED, lead);
            assertEquals("Blue Sky Tech / Zhao Min / Blue Sky CRM rollout / 50000.00 CNY / owner " + org.id("rep1") + " / tags []",
                    event.path("summary").asText());
            assertEquals(1, watched(LEAD_CONVERTED, lead).size(), "published once");

            long other = createdLead("rep1", "{\"personName\":\"No budget\",\"phone\":\"99900001\"}");
            assertEquals(400, rep.post("/api/v1/leads/" + other + "/disqualify", "{}").status(), "a reason is required");
            assertEquals(200, rep.post("/api/v1/leads/" + other + "/disqualify", "{\"reason\":\"student project\"}").status());
            Http.Result reopen = rep.post("/api/v1/leads/" + other + "/qualify", "");
            assertEquals(409, reopen.status(), "disqualified is final");
            assertEquals("student project", rep.get("/api/v1/leads/" + other).json().path("disqualifyReason").asText());
        }

        @Test
        void aRegionWhereTheModuleIsOffGetsNotFoundForItsLeads() {
            Http admin = kernel.http();
            assertEquals(200, admin.put("/api/v1/modules/leads/enablement", "{\"regions\":[\"south-china\"]}").status());
            try {
                Http.Result north = org.as("rep2").get("/api/v1/leads");
                assertEquals(404, north.status());
                assertEquals("module_not_enabled", north.json().path("error").path("code").asText());
                assertEquals(200, org.as("rep1").get("/api/v1/leads").status());
            } finally {
                assertEquals(200, admin.put("/api/v1/modules/leads/enablement", "{\"regions\":\"all\"}").status());
            }
        }

        static final String LEAD_CONVERTED = "leads/lead.converted";
        static final String LEAD_ASSIGNED = "leads/lead.assigned";

        long user(String name, long team) {
            Http.Result created = kernel.http().post("/api/v1/users", "{\"username\":\"" + name + "\",\"displayName\":\"" + name
                    + "\",\"password\":\"" + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\"],\"teamId\":" + team + "}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        long createdLead(String persona, String body) {
            Http.Result created = org.as(persona).post("/api/v1/leads?allowDuplicate=true", body);
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        List<JsonNode> watched(String topic, long lead) {
            List<JsonNode> found = new ArrayList<>();
            kernel.http().get("/api/v1/leadwatch/events?topic=" + topic).json().path("items").forEach(e -> {
                if (e.path("leadId").asLong() == lead) {
                    found.add(e);
                }
            });
            return found;
        }

        JsonNode awaitWatched(String topic, long lead) {
            KernelHarness.await(java.time.Duration.ofSeconds(15), () -> !watched(topic, lead).isEmpty(), topic + " of lead " + lead + " never arrived");
            return watched(topic, lead).get(0);
        }

        @Test
        void aRepCreatesALeadThatIsGradedWithItsReasonAndOnlyTheirScopeSeesIt() {
            Http rep = org.as("rep1");
            Http.Result created = rep.post("/api/v1/leads", "{\"personName\":\"Zhang Wei\",\"company\":\"Acme Ltd\",\"phone\":\"+86 138 0013 8000\","
                    + "\"email\":\"zhang.wei@acme.example\",\"intent\":\"HIGH\",\"budgetStatus\":\"CONFIRMED\",\"budget\":{\"amount\":\"120000.00\","
                    + "\"currency\":\"CNY\"},\"decisionRole\":\"INFLUENCER\"}");
            assertEquals(201, created.status(), created.body());
            JsonNode lead = created.json();
            assertEquals("A", lead.path("grade").asText());
            assertEquals("high intent with a confirmed budget", lead.path("gradeExplanation").path("rule").asText());
            assertEquals(5, lead.path("gradeExplanation").path("total").asInt());
            assertEquals(org.id("rep1"), lead.path("ownerId").asLong());
            assertEquals(org.southChina, lead.path("regionId").asLong());
            assertEquals("NEW", lead.path("status").asText());
            assertEquals("120000.00", lead.path("budget").path("amount").asText());
            long id = lead.path("id").asLong();

            assertEquals(200, org.as("manager1").get("/api/v1/leads/" + id).status(), "the rep's manager sees it");
            assertEquals(404, org.as("rep2").get("/api/v1/leads/" + id).status(), "another rep does not");
            assertEquals(404, org.as("manager2").get("/api/v1/leads/" + id).status(), "nor another team's manager");
            assertTrue(ids(org.as("rep2").get("/api/v1/leads").json()).stream().noneMatch(i -> i == id));
            assertTrue(ids(rep.get("/api/v1/leads").json()).contains(id));
            assertEquals(403, org.as("hr1").get("/api/v1/leads").status());
            JsonNode history = rep.get("/api/v1/leads/" + id + "/history").json().path("items");
            assertEquals("ASSIGNED", history.get(0).path("kind").asText());
        }

        @Test
        void badInputIsRefusedWithEveryProblemAndNothingIsCreated() {
            Http rep = org.as("rep2");
            int before = ids(rep.get("/api/v1/leads?limit=200").json()).size();
            Http.Result bad = rep.post("/api/v1/leads", "{\"personName\":\"\",\"email\":\"not-an-email\",\"budget\":{\"amount\":\"-5\",\"currency\":\"CNY\"},"
                    + "\"channelId\":999999,\"tags\":[\"no such tag\"]}");
            assertEquals(400, bad.status(), bad.body());
            String body = bad.body();
            for (String field : List.of("personName", "email", "budget")) {
                assertTrue(body.contains("\"" + field + "\""), field + " reported: " + body);
            }
            assertEquals(400, rep.post("/api/v1/leads", "{\"personName\":\"X\",\"phone\":\"12345\",\"intent\":\"SCORCHING\"}").status());
            assertEquals(400, rep.post("/api/v1/leads", "{\"personName\":\"X\",\"phone\":\"12345\",\"channelId\":999999}").status());
            assertEquals(400, rep.post("/api/v1/leads", "{\"personName\":\"X\",\"phone\":\"12345\",\"budget\":{\"amount\":\"1.234\",\"currency\":\"CNY\"}}")
                    .status(), "more decimals than the currency has");
            assertEquals(400, rep.post("/api/v1/leads", "{\"personName\":\"X\",\"phone\":\"12345\",\"ownerId\":" + org.id("rep1") + "}").status(),
                    "a rep cannot give a lead to someone else");
            assertEquals(before, ids(rep.get("/api/v1/leads?limit=200").json()).size());
            assertEquals(400, rep.get("/api/v1/leads?grade=Z").status());
            assertEquals(400, rep.get("/api/v1/leads?sort=owner").status());
            assertEquals(400, rep.get("/api/v1/leads?after=garbage").status());
        }

        @Test
        void duplicatesAreFoundAcrossWidthCaseAndPunctuation() {
            Http rep = org.as("rep2");
            Http.Result first = rep.post("/api/v1/leads", "{\"personName\":\"Li Na\",\"phone\":\"+86 139 0000 1111\",\"email\":\"Li.Na@Example.com\"}");
            assertEquals(201, first.status(), first.body());
            Http.Result again = rep.post("/api/v1/leads", "{\"personName\":\"李娜\",\"phone\":\"＋８６　１３９－００００－１１１１\"}");
            assertEquals(409, again.status(), again.body());
            assertEquals("duplicate_lead", again.json().path("error").path("code").asText());
            assertEquals(201, rep.post("/api/v1/leads?allowDuplicate=true", "{\"personName\":\"李娜\",\"phone\":\"＋８６　１３９－００００－１１１１\"}").status());
            Http.Result external = rep.post("/api/v1/leads", "{\"personName\":\"Wang\",\"phone\":\"55501\",\"externalId\":\"crm-1\"}");
            assertEquals(201, external.status(), external.body());
            assertEquals(409, rep.post("/api/v1/leads", "{\"personName\":\"Wang\",\"phone\":\"55502\",\"externalId\":\"crm-1\"}").status());
        }

        @Test
        void channelsAndTagsAreASharedVocabularyThatMarketingMaintains() {
            Http marketing = org.as("marketing1");
            Http.Result channel = marketing.post("/api/v1/channels", "{\"name\":\"WeChat community\",\"kind\":\"COMMUNITY\",\"cost\":{\"amount\":\"8000\","
                    + "\"currency\":\"CNY\"},\"costPeriod\":\"MONTH\"}");
            assertEquals(201, channel.status(), channel.body());
            assertEquals("8000.00", channel.json().path("cost").path("amount").asText());
            assertEquals(409, marketing.post("/api/v1/channels", "{\"name\":\"wechat  COMMUNITY\",\"kind\":\"COMMUNITY\"}").status());
            assertEquals(400, marketing.post("/api/v1/channels", "{\"name\":\"Fair\",\"kind\":\"TRADE_SHOW\",\"cost\":{\"amount\":\"5\",\"currency\":\"XXY\"},"
                    + "\"costPeriod\":\"MONTH\"}").status());
            assertEquals(403, org.as("rep1").post("/api/v1/channels", "{\"name\":\"Mine\",\"kind\":\"OTHER\"}").status());

            Http.Result tag = marketing.post("/api/v1/lead-tags", "{\"name\":\"High intent\"}");
            assertEquals(201, tag.status(), tag.body());
            assertEquals(409, marketing.post("/api/v1/lead-tags", "{\"name\":\"ｈｉｇｈ　INTENT\"}").status(), "full-width and case fold to the same tag");
            long channelId = channel.json().path("id").asLong();
            Http.Result lead = org.as("rep1").post("/api/v1/leads", "{\"personName\":\"Chen\",\"phone\":\"13700001234\",\"channelId\":" + channelId
                    + ",\"tags\":[\"high intent\"]}");
            assertEquals(201, lead.status(), lead.body());
            assertEquals("High intent", lead.json().path("tags").get(0).asText());
            JsonNode tagged = org.as("rep1").get("/api/v1/leads?tag=HIGH%20INTENT&channelId=" + channelId).json();
            assertEquals(1, tagged.path("items").size());
            assertEquals(409, marketing.delete("/api/v1/lead-tags/" + tag.json().path("id").asLong()).status(), "in use");
        }

        @Test
        void leadsPageByKeyInTheChosenOrder() {
            Http manager = org.as("manager2");
            for (int i = 0; i < 5; i++) {
                assertEquals(201, manager.post("/api/v1/leads", "{\"personName\":\"Page " + i + "\",\"phone\":\"6660000" + i + "\"}").status());
            }
            List<Long> seen = new ArrayList<>();
            String after = null;
            do {
                JsonNode page = manager.get("/api/v1/leads?q=page&limit=2" + (after == null ? "" : "&after=" + after)).json();
                seen.addAll(ids(page));
                after = page.path("nextAfter").isNull() ? null : page.path("nextAfter").asText();
            } while (after != null);
            assertEquals(5, seen.size(), "every lead once: " + seen);
            List<Long> sorted = new ArrayList<>(seen);
            sorted.sort((a, b) -> Long.compare(b, a));
            assertEquals(sorted, seen, "newest first");
            assertNotNull(manager.get("/api/v1/leads?sort=grade").json().path("items"));
        }

        static List<Long> ids(JsonNode page) {
            List<Long> ids = new ArrayList<>();
            page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
            return ids;
        }
    }
}
