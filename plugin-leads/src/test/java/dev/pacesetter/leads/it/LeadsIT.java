package dev.pacesetter.leads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.testing.TestClient;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;
import dev.pacesetter.testing.TestResponse;

/** The leads plugin over REST: intake, grading, scoping, channels and tags. */
class LeadsIT {

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(TestDatabase.POSTGRES);
        }
    }

    abstract static class Scenarios extends LeadsScenarios {

        Scenarios(TestDatabase database) {
            super(database);
        }

        @Test
        void aManagerCannotRouteOrUnrouteAnotherRegionsLeads() {
            TestClient manager = org.as("manager1");
            TestResponse foreignRegion = manager.post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.northChina() + ",\"teamId\":" + org.teamSouth() + "}");
            assertEquals(403, foreignRegion.status(), "north's incoming leads diverted to my team: " + foreignRegion.body());
            TestResponse foreignTeam = manager.post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.southChina() + ",\"teamId\":" + org.teamNorth() + "}");
            assertEquals(403, foreignTeam.status(), foreignTeam.body());
            TestResponse north = kernel.admin().post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.northChina() + ",\"territory\":\"Hebei\","
                    + "\"teamId\":" + org.teamNorth() + "}");
            assertEquals(201, north.status(), north.body());
            long northRule = north.json().path("id").asLong();
            assertEquals(404, manager.delete("/api/v1/lead-assignment-rules/" + northRule).status(), "another region's rule is not there for me");
            assertFalse(manager.get("/api/v1/lead-assignment-rules").body().contains("Hebei"), "nor in my list");
            assertTrue(org.as("manager2").get("/api/v1/lead-assignment-rules").body().contains("Hebei"));
            TestResponse regional = org.as("regional1").post("/api/v1/lead-assignment-rules", "{\"regionId\":" + org.southChina() + ",\"territory\":"
                    + "\"Hainan\",\"teamId\":" + org.teamSouth() + "}");
            assertEquals(201, regional.status(), "the regional manager routes their region's leads: " + regional.body());
            assertEquals(204, org.as("regional1").delete("/api/v1/lead-assignment-rules/" + regional.json().path("id").asLong()).status());
            assertEquals(204, org.as("manager2").delete("/api/v1/lead-assignment-rules/" + northRule).status());
        }

        @Test
        void leadsWithoutAnOwnerGoRoundRobinToTheActiveRepsOfTheTeamTheRuleNames() {
            TestClient admin = kernel.admin();
            long rep3 = user("rep3", org.teamSouth());
            long rep4 = user("rep4", org.teamSouth());
            assertEquals(204, admin.post("/api/v1/users/" + rep4 + "/deactivate", "").status());
            TestResponse rule = org.as("manager1").post("/api/v1/lead-assignment-rules", "{\"territory\":\"Guangdong\",\"teamId\":" + org.teamSouth() + "}");
            assertEquals(201, rule.status(), rule.body());
            assertEquals(400, org.as("manager1").post("/api/v1/lead-assignment-rules", "{\"teamId\":999999}").status());
            assertEquals(403, org.as("rep1").post("/api/v1/lead-assignment-rules", "{\"teamId\":" + org.teamSouth() + "}").status());
            assertEquals(org.southChina(), rule.json().path("regionId").asLong(), "a manager's rule applies to the team's region");

            List<Long> owners = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestResponse lead = org.as("marketing1").post("/api/v1/leads", "{\"personName\":\"RR " + i + "\",\"phone\":\"7770000" + i
                        + "\",\"territory\":\"guangdong\"}");
                assertEquals(201, lead.status(), lead.body());
                owners.add(lead.json().path("ownerId").asLong());
            }
            long rep1 = org.id("rep1");
            assertEquals(List.of(rep1, rep3, rep1, rep3), owners, "in turn, skipping the deactivated rep");
            TestResponse unmatched = org.as("marketing1").post("/api/v1/leads", "{\"personName\":\"Nowhere\",\"phone\":\"77711111\",\"territory\":\"Tibet\"}");
            assertEquals(400, unmatched.status(), "no rule matches and marketing owns no leads: " + unmatched.body());
            assertTrue(unmatched.body().contains("lead-assignment-rules"), unmatched.body());

            TestResponse form = org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"Form\",\"email\":\"form@example.com\","
                    + "\"territory\":\"Guangdong\",\"externalId\":\"form-42\"}");
            assertEquals(202, form.status(), form.body());
            assertEquals("{\"status\":\"received\"}", form.body(), "an integrator may not read leads: a receipt only");
            TestResponse again = org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"Form\",\"email\":\"form@example.com\","
                    + "\"territory\":\"Guangdong\",\"externalId\":\"form-42\"}");
            assertEquals(202, again.status(), "a repeated submission answers as the first did");
            assertEquals(form.body(), again.body());
            TestResponse sameEmail = org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"Form\",\"email\":\"FORM@example.com\","
                    + "\"territory\":\"Guangdong\"}");
            assertEquals(202, sameEmail.status());
            JsonNode made = org.as("manager1").get("/api/v1/leads?q=form%40example.com").json().path("items");
            assertEquals(1, made.size(), "one lead for the three submissions: " + made);
            TestResponse byMarketing = org.as("marketing1").post("/api/v1/leads/web-form", "{\"personName\":\"Form\",\"email\":\"form@example.com\"}");
            assertEquals(202, byMarketing.status(), byMarketing.body());
            assertEquals(made.get(0).path("id").asLong(), byMarketing.json().path("id").asLong(), "marketing may read the lead: it gets the id");
            assertEquals(400, org.as("integrator1").post("/api/v1/leads/web-form", "{\"personName\":\"F\",\"phone\":\"12345678\",\"ownerId\":" + rep1 + "}")
                    .status());
        }

        @Test
        void aManagerReassignsALeadWithAReasonAndEveryAssignmentIsInItsHistory() {
            long rep5 = user("rep5", org.teamSouth());
            long lead = createdLead("rep1", "{\"personName\":\"Move me\",\"phone\":\"88800001\"}");
            TestClient manager = org.as("manager1");
            assertEquals(403, org.as("rep1").post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + rep5 + ",\"reason\":\"x\"}").status());
            assertEquals(404, org.as("manager2").post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + org.id("rep2") + ",\"reason\":\"x\"}").status(),
                    "another team's manager does not see it");
            assertEquals(400, manager.post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + org.id("rep2") + ",\"reason\":\"x\"}").status(),
                    "not someone manager1 manages");
            assertEquals(400, manager.post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + rep5 + "}").status(), "a reason is required");
            TestResponse moved = manager.post("/api/v1/leads/" + lead + "/assign", "{\"ownerId\":" + rep5 + ",\"reason\":\"rep1 on leave\"}");
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
            TestClient rep = org.as("rep1");
            TestResponse early = rep.post("/api/v1/leads/" + lead + "/convert", "{}");
            assertEquals(409, early.status(), "only a qualified lead converts");
            assertTrue(early.body().contains("QUALIFIED"), early.body());
            assertEquals("线索 " + lead + " 当前状态为“新线索”，只能变更为 已联系、合格、不合格，不能变更为“已转化”。",
                    early.json().path("error").path("message").asText(), "the allowed moves, in Chinese");
            assertEquals(404, org.as("rep2").post("/api/v1/leads/" + lead + "/qualify", "").status());
            assertEquals(200, rep.post("/api/v1/leads/" + lead + "/qualify", "").status());
            TestResponse converted = rep.post("/api/v1/leads/" + lead + "/convert", "{\"opportunityName\":\"Blue Sky CRM rollout\"}");
            assertEquals(200, converted.status(), converted.body());
            assertEquals("50000.00", converted.json().path("amount").asText());
            TestResponse twice = rep.post("/api/v1/leads/" + lead + "/convert", "{}");
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
            TestResponse reopen = rep.post("/api/v1/leads/" + other + "/qualify", "");
            assertEquals(409, reopen.status(), "disqualified is final");
            assertEquals("student project", rep.get("/api/v1/leads/" + other).json().path("disqualifyReason").asText());
        }

        @Test
        void aRegionWhereTheModuleIsOffGetsNotFoundForItsLeads() {
            kernel.disableModuleIn("leads", org.northChinaCode());
            try {
                TestResponse north = org.as("rep2").get("/api/v1/leads");
                assertEquals(404, north.status());
                assertEquals("module_not_enabled", north.json().path("error").path("code").asText());
                assertEquals(200, org.as("rep1").get("/api/v1/leads").status());
            } finally {
                kernel.enableModuleEverywhere("leads");
            }
        }

        static final String LEAD_CONVERTED = "leads/lead.converted";
        static final String LEAD_ASSIGNED = "leads/lead.assigned";

        long user(String name, long team) {
            return org.newUser(name, team, Role.REP).userId();
        }

        @Test
        void aPluginSeesOnlyItsOwnModuleDatabaseEvenWhenItAsksForAnother() {
            assertEquals(200, kernel.admin().get("/api/v1/leads?limit=1").status(), "the leads module and its database are up");
            JsonNode probe = kernel.admin().get("/api/v1/leadwatch/databases").json();
            assertEquals("[\"leadwatch\"]", probe.path("visible").toString(), probe.toString());
            assertFalse(probe.path("leadsBound").asBoolean(), "a reference targeting the leads database stays unbound: " + probe);
        }

        long createdLead(String persona, String body) {
            TestResponse created = org.as(persona).post("/api/v1/leads?allowDuplicate=true", body);
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        List<JsonNode> watched(String topic, long lead) {
            List<JsonNode> found = new ArrayList<>();
            kernel.admin().get("/api/v1/leadwatch/events?topic=" + topic).json().path("items").forEach(e -> {
                if (e.path("leadId").asLong() == lead) {
                    found.add(e);
                }
            });
            return found;
        }

        JsonNode awaitWatched(String topic, long lead) {
            TestKernel.await(java.time.Duration.ofSeconds(15), () -> !watched(topic, lead).isEmpty(), topic + " of lead " + lead + " never arrived");
            return watched(topic, lead).get(0);
        }

        @Test
        void aRepCreatesALeadThatIsGradedWithItsReasonAndOnlyTheirScopeSeesIt() {
            TestClient rep = org.as("rep1");
            TestResponse created = rep.post("/api/v1/leads", "{\"personName\":\"Zhang Wei\",\"company\":\"Acme Ltd\",\"phone\":\"+86 138 0013 8000\","
                    + "\"email\":\"zhang.wei@acme.example\",\"intent\":\"HIGH\",\"budgetStatus\":\"CONFIRMED\",\"budget\":{\"amount\":\"120000.00\","
                    + "\"currency\":\"CNY\"},\"decisionRole\":\"INFLUENCER\"}");
            assertEquals(201, created.status(), created.body());
            JsonNode lead = created.json();
            assertEquals("B", lead.path("grade").asText(), "an influencer, not the decision maker: not A by the plan");
            assertEquals("意向、预算或决策人尚未全部明确", lead.path("gradeExplanation").path("rule").asText(), "the shipped rule's name in the reader's language");
            assertEquals(planRulesVersion(rep), lead.path("gradeExplanation").path("rulesVersion").asInt());
            assertEquals(5, lead.path("gradeExplanation").path("total").asInt());
            assertEquals(org.id("rep1"), lead.path("ownerId").asLong());
            assertEquals(org.southChina(), lead.path("regionId").asLong());
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
            TestClient rep = org.as("rep2");
            int before = ids(rep.get("/api/v1/leads?limit=200").json()).size();
            TestResponse bad = rep.post("/api/v1/leads", "{\"personName\":\"\",\"email\":\"not-an-email\",\"budget\":{\"amount\":\"-5\",\"currency\":\"CNY\"},"
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
            TestClient rep = org.as("rep2");
            TestResponse first = rep.post("/api/v1/leads", "{\"personName\":\"Li Na\",\"phone\":\"+86 139 0000 1111\",\"email\":\"Li.Na@Example.com\"}");
            assertEquals(201, first.status(), first.body());
            TestResponse again = rep.post("/api/v1/leads", "{\"personName\":\"李娜\",\"phone\":\"＋８６　１３９－００００－１１１１\"}");
            assertEquals(409, again.status(), again.body());
            assertEquals("duplicate_lead", again.json().path("error").path("code").asText());
            assertEquals(201, rep.post("/api/v1/leads?allowDuplicate=true", "{\"personName\":\"李娜\",\"phone\":\"＋８６　１３９－００００－１１１１\"}").status());
            TestResponse external = rep.post("/api/v1/leads", "{\"personName\":\"Wang\",\"phone\":\"55501\",\"externalId\":\"crm-1\"}");
            assertEquals(201, external.status(), external.body());
            assertEquals(409, rep.post("/api/v1/leads", "{\"personName\":\"Wang\",\"phone\":\"55502\",\"externalId\":\"crm-1\"}").status());
        }

        @Test
        void channelsAndTagsAreASharedVocabularyThatMarketingMaintains() {
            TestClient marketing = org.as("marketing1");
            TestResponse channel = marketing.post("/api/v1/channels", "{\"name\":\"WeChat community\",\"kind\":\"COMMUNITY\",\"cost\":{\"amount\":\"8000\","
                    + "\"currency\":\"CNY\"},\"costPeriod\":\"MONTH\"}");
            assertEquals(201, channel.status(), channel.body());
            assertEquals("8000.00", channel.json().path("cost").path("amount").asText());
            assertEquals(409, marketing.post("/api/v1/channels", "{\"name\":\"wechat  COMMUNITY\",\"kind\":\"COMMUNITY\"}").status());
            assertEquals(400, marketing.post("/api/v1/channels", "{\"name\":\"Fair\",\"kind\":\"TRADE_SHOW\",\"cost\":{\"amount\":\"5\",\"currency\":\"XXY\"},"
                    + "\"costPeriod\":\"MONTH\"}").status());
            assertEquals(403, org.as("rep1").post("/api/v1/channels", "{\"name\":\"Mine\",\"kind\":\"OTHER\"}").status());

            TestResponse tag = marketing.post("/api/v1/lead-tags", "{\"name\":\"High intent\"}");
            assertEquals(201, tag.status(), tag.body());
            assertEquals(409, marketing.post("/api/v1/lead-tags", "{\"name\":\"ｈｉｇｈ　INTENT\"}").status(), "full-width and case fold to the same tag");
            long channelId = channel.json().path("id").asLong();
            TestResponse lead = org.as("rep1").post("/api/v1/leads", "{\"personName\":\"Chen\",\"phone\":\"13700001234\",\"channelId\":" + channelId
                    + ",\"tags\":[\"high intent\"]}");
            assertEquals(201, lead.status(), lead.body());
            assertEquals("High intent", lead.json().path("tags").get(0).asText());
            JsonNode tagged = org.as("rep1").get("/api/v1/leads?tag=HIGH%20INTENT&channelId=" + channelId).json();
            assertEquals(1, tagged.path("items").size());
            assertEquals(409, marketing.delete("/api/v1/lead-tags/" + tag.json().path("id").asLong()).status(), "in use");
        }

        @Test
        void leadsPageByKeyInTheChosenOrder() {
            TestClient manager = org.as("manager2");
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

        @Test
        void theDefaultGradesAreThePlans() {
            TestClient rep = org.as("rep1");
            assertEquals("B", grade(rep, "\"intent\":\"HIGH\",\"budgetStatus\":\"UNCONFIRMED\",\"decisionRole\":\"DECISION_MAKER\""),
                    "budget unclear: B (the first defaults said A)");
            assertEquals("B", grade(rep, "\"intent\":\"HIGH\",\"budgetStatus\":\"CONFIRMED\",\"decisionRole\":\"UNKNOWN\""),
                    "decision maker not identified: B (the first defaults said A)");
            assertEquals("A", grade(rep, "\"intent\":\"HIGH\",\"budgetStatus\":\"CONFIRMED\",\"decisionRole\":\"DECISION_MAKER\""));
            assertEquals("B", grade(rep, "\"intent\":\"MEDIUM\""), "intent, budget not clear");
            assertEquals("C", grade(rep, "\"intent\":\"LOW\",\"budgetStatus\":\"CONFIRMED\",\"decisionRole\":\"DECISION_MAKER\""), "interest only");
            JsonNode rules = rep.get("/api/v1/grading-rules").json();
            assertEquals(planRulesVersion(rep), rules.path("version").asInt(), rules.toString());
            assertEquals(200, rep.get("/api/v1/grading-rules/1").status(), "the first defaults stay readable for the leads they graded");
        }

        /**
         * The version of the grading rules in force, once it is checked that version 2 is the last one the module
         * shipped (no one created it) and that the rules in force are its rules: the plan's defaults. On a fresh kernel
         * that is version 2 itself; in this shared kernel LeadFollowUpIT may have saved other rules and put the plan's
         * back, as a new version.
         */
        static int planRulesVersion(TestClient as) {
            JsonNode current = as.get("/api/v1/grading-rules").expect(200);
            int shipped = 0;
            for (JsonNode version : current.path("versions")) {
                if (version.path("createdBy").isNull()) {
                    shipped = Math.max(shipped, version.path("version").asInt());
                }
            }
            assertEquals(2, shipped, "the plan's defaults ship as version 2: " + current);
            assertEquals(as.get("/api/v1/grading-rules/2").expect(200).path("rules"), current.path("rules"), "the plan's defaults are in force");
            return current.path("version").asInt();
        }

        private int phoneSeq = 0;

        String grade(TestClient as, String fields) {
            TestResponse created = as.post("/api/v1/leads?allowDuplicate=true", "{\"personName\":\"Grade " + (++phoneSeq) + "\",\"phone\":\"4440000"
                    + phoneSeq + "\"," + fields + "}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("grade").asText();
        }

        @Test
        void onePhoneNumberWrittenAnyWayIsADuplicateEverywhere() {
            TestClient rep = org.as("rep2");
            TestResponse first = rep.post("/api/v1/leads", "{\"personName\":\"Wu Gang\",\"phone\":\"+86 138 4434 2806\"}");
            assertEquals(201, first.status(), first.body());
            long id = first.json().path("id").asLong();
            for (String same : List.of("0086 138 4434 2806", "＋８６　１３８　４４３４　２８０６", "13844342806", "138-4434-2806")) {
                TestResponse again = rep.post("/api/v1/leads", "{\"personName\":\"Wu\",\"phone\":\"" + same + "\"}");
                assertEquals(409, again.status(), same + ": " + again.body());
                assertEquals(id, again.json().path("error").path("details").path("leadIds").get(0).asLong(), "rep2 may see it: named");
            }
            TestResponse other = rep.post("/api/v1/leads", "{\"personName\":\"Xu\",\"phone\":\"55501234\"}");
            assertEquals(201, other.status(), other.body());
            long otherId = other.json().path("id").asLong();
            TestResponse edited = rep.put("/api/v1/leads/" + otherId, "{\"version\":" + other.json().path("version").asInt()
                    + ",\"phone\":\"0086 139 1234 5678\"}");
            assertEquals(200, edited.status(), edited.body());
            TestResponse afterEdit = rep.post("/api/v1/leads", "{\"personName\":\"Xu\",\"phone\":\"13912345678\"}");
            assertEquals(409, afterEdit.status(), "an edited phone is keyed the same way: " + afterEdit.body());
            TestResponse unparsable = rep.post("/api/v1/leads", "{\"personName\":\"Ext\",\"phone\":\"12345\"}");
            assertEquals(201, unparsable.status(), "a number libphonenumber cannot confirm is kept, not refused: " + unparsable.body());
            assertEquals(409, rep.post("/api/v1/leads", "{\"personName\":\"Ext\",\"phone\":\"1-23-45\"}").status(), "its digits still match");
        }

        @Test
        void chineseValuesAndAmountsAreAcceptedAndAnsweredWithTheCodes() {
            TestClient rep = org.as("rep1");
            TestResponse created = rep.post("/api/v1/leads", "{\"personName\":\"周杰\",\"phone\":\"13600001111\",\"intent\":\"高\",\"budgetStatus\":\"已确认\","
                    + "\"budget\":{\"amount\":\"147万\",\"currency\":\"CNY\"},\"decisionRole\":\"决策人\"}");
            assertEquals(201, created.status(), created.body());
            JsonNode lead = created.json();
            assertEquals("HIGH", lead.path("intent").asText());
            assertEquals("CONFIRMED", lead.path("budgetStatus").asText());
            assertEquals("DECISION_MAKER", lead.path("decisionRole").asText());
            assertEquals("1470000.00", lead.path("budget").path("amount").asText());
            assertEquals("A", lead.path("grade").asText());

            TestResponse noStatus = rep.post("/api/v1/leads", "{\"personName\":\"钱多\",\"phone\":\"13600002222\",\"intent\":\"HIGH\","
                    + "\"decisionRole\":\"DECISION_MAKER\",\"budget\":{\"amount\":\"¥12,000.50\"}}");
            assertEquals(201, noStatus.status(), noStatus.body());
            assertEquals("CONFIRMED", noStatus.json().path("budgetStatus").asText(), "an amount without a status is a confirmed budget");
            assertEquals("12000.50", noStatus.json().path("budget").path("amount").asText());
            assertEquals("CNY", noStatus.json().path("budget").path("currency").asText(), "¥ names the currency");
            assertEquals("A", noStatus.json().path("grade").asText());
            TestResponse yi = rep.post("/api/v1/leads", "{\"personName\":\"大单\",\"phone\":\"13600003333\",\"budget\":{\"amount\":\"1.2亿\",\"currency\":\"CNY\"}}");
            assertEquals("120000000.00", yi.json().path("budget").path("amount").asText(), yi.body());

            long id = lead.path("id").asLong();
            TestResponse touch = rep.post("/api/v1/leads/" + id + "/touches", "{\"kind\":\"电话\",\"outcome\":\"接通\"}");
            assertEquals(201, touch.status(), touch.body());
            assertEquals("CALL", touch.json().path("touch").path("kind").asText());
            assertEquals("REACHED", touch.json().path("touch").path("outcome").asText());
            TestResponse edit = rep.put("/api/v1/leads/" + id, "{\"version\":" + lead.path("version").asInt() + ",\"intent\":\"中\"}");
            assertEquals(200, edit.status(), edit.body());
            assertEquals("MEDIUM", edit.json().path("intent").asText());
            JsonNode contacted = rep.get("/api/v1/leads?status=%E5%B7%B2%E8%81%94%E7%B3%BB").json().path("items"); // status=已联系
            assertTrue(ids(rep.get("/api/v1/leads?status=CONTACTED").json()).contains(id), "the call reached: CONTACTED");
            assertEquals(ids(rep.get("/api/v1/leads?status=CONTACTED").json()), ids(rep.get("/api/v1/leads?status=%E5%B7%B2%E8%81%94%E7%B3%BB").json()),
                    contacted.toString());
            TestResponse channel = org.as("marketing1").post("/api/v1/channels", "{\"name\":\"广交会\",\"kind\":\"展会\",\"cost\":{\"amount\":\"5000\","
                    + "\"currency\":\"CNY\"},\"costPeriod\":\"季度\"}");
            assertEquals(201, channel.status(), channel.body());
            assertEquals("TRADE_SHOW", channel.json().path("kind").asText());
            assertEquals("QUARTER", channel.json().path("costPeriod").asText());
        }

        @Test
        void fieldProblemsReadInChineseByDefaultAndInEnglishForAnEnglishReader() {
            TestClient rep = org.as("rep1");
            String bad = "{\"personName\":\"\",\"phone\":\"12345\",\"intent\":\"SCORCHING\",\"budget\":{\"amount\":\"lots\",\"currency\":\"CNY\"}}";
            JsonNode chinese = rep.post("/api/v1/leads", bad).json().path("error");
            assertEquals("validation_failed", chinese.path("code").asText());
            assertTrue(chinese.path("message").asText().matches("以下字段无效：.*personName.*。详见 details.fields。"), chinese.toString());
            Map<String, String> zh = fieldMessages(chinese);
            assertEquals("必填", zh.get("personName"));
            assertEquals("“SCORCHING”不是可选的值，请填写以下之一：LOW, MEDIUM, HIGH（或中文：低, 中, 高）", zh.get("intent"));
            assertEquals("“lots”不是可识别的金额，请写成 120000.00、12,000、147万、1.2亿 或 ¥12,000.50", zh.get("budget"));
            assertEquals(200, rep.put("/api/v1/me/language", "{\"language\":\"en\"}").status());
            try {
                JsonNode english = rep.post("/api/v1/leads", bad).json().path("error");
                assertEquals("validation_failed", english.path("code").asText(), "the code never changes with the language");
                Map<String, String> en = fieldMessages(english);
                assertEquals("is required", en.get("personName"));
                assertEquals("'SCORCHING' is not one of LOW, MEDIUM, HIGH (or 低, 中, 高)", en.get("intent"));
                assertTrue(en.get("budget").startsWith("amount 'lots' is not an amount"), en.toString());
            } finally {
                rep.put("/api/v1/me/language", "{\"language\":null}");
            }
        }

        private static Map<String, String> fieldMessages(JsonNode error) {
            Map<String, String> messages = new java.util.LinkedHashMap<>();
            error.path("details").path("fields").forEach(f -> messages.put(f.path("field").asText(), f.path("message").asText()));
            return messages;
        }

        @Test
        void everyFieldProblemIsReportedAtOnceEnumsAndAmountsIncluded() {
            TestClient rep = org.as("rep1");
            TestResponse bad = rep.post("/api/v1/leads", "{\"personName\":\"\",\"phone\":\"12345\",\"intent\":\"SCORCHING\",\"budgetStatus\":\"maybe\","
                    + "\"decisionRole\":\"boss\",\"budget\":{\"amount\":\"lots\",\"currency\":\"CNY\"}}");
            assertEquals(400, bad.status(), bad.body());
            assertEquals("validation_failed", bad.json().path("error").path("code").asText());
            List<String> fields = new ArrayList<>();
            bad.json().path("error").path("details").path("fields").forEach(f -> fields.add(f.path("field").asText()));
            assertTrue(fields.containsAll(List.of("personName", "intent", "budgetStatus", "decisionRole", "budget")), fields.toString());

            long id = createdLead("rep1", "{\"personName\":\"Edit me\",\"phone\":\"13600004444\"}");
            TestResponse badEdit = rep.put("/api/v1/leads/" + id, "{\"version\":1,\"intent\":\"x\",\"decisionRole\":\"y\"}");
            assertEquals(400, badEdit.status(), badEdit.body());
            assertTrue(badEdit.body().contains("\"intent\"") && badEdit.body().contains("\"decisionRole\""), badEdit.body());
            TestResponse badTouch = rep.post("/api/v1/leads/" + id + "/touches", "{\"kind\":\"fax\",\"outcome\":\"maybe\"}");
            assertEquals(400, badTouch.status(), badTouch.body());
            assertTrue(badTouch.body().contains("\"kind\"") && badTouch.body().contains("\"outcome\""), badTouch.body());
        }

        @Test
        void theWebFormTellsAnIntegratorOfAnotherRegionNothingAboutALead() {
            TestResponse secret = org.as("rep2").post("/api/v1/leads", "{\"personName\":\"Secret Buyer\",\"phone\":\"13700009999\","
                    + "\"email\":\"secret.buyer@north.example\",\"intent\":\"HIGH\"}");
            assertEquals(201, secret.status(), secret.body());
            long id = secret.json().path("id").asLong();
            TestClient integrator = org.as("integrator1"); // south China; the lead is north China's
            for (String body : List.of("{\"personName\":\"x\",\"email\":\"secret.buyer@north.example\"}", "{\"personName\":\"x\",\"phone\":\"+86 137 0000 9999\"}")) {
                TestResponse probe = integrator.post("/api/v1/leads/web-form", body);
                assertEquals(202, probe.status(), probe.body());
                assertEquals("{\"status\":\"received\"}", probe.body(), "no name, phone, e-mail, owner, grade or id");
            }
            assertEquals(403, integrator.get("/api/v1/leads/" + id).status());
            assertEquals(201, org.as("manager1").post("/api/v1/lead-assignment-rules", "{\"territory\":\"Probe\",\"teamId\":" + org.teamSouth() + "}")
                    .status());
            TestResponse duplicate = integrator.post("/api/v1/leads", "{\"personName\":\"x\",\"email\":\"secret.buyer@north.example\","
                    + "\"territory\":\"Probe\"}");
            assertEquals(409, duplicate.status(), duplicate.body());
            assertEquals(0, duplicate.json().path("error").path("details").path("leadIds").size(), "the id of a lead it may not see: " + duplicate.body());
            assertEquals("已存在邮箱或手机号相同的线索；如仍要创建，请加上 ?allowDuplicate=true。", duplicate.json().path("error").path("message").asText(),
                    "names no lead: " + duplicate.body());
            TestResponse visible = org.as("manager2").post("/api/v1/leads", "{\"personName\":\"x\",\"email\":\"secret.buyer@north.example\"}");
            assertEquals(id, visible.json().path("error").path("details").path("leadIds").get(0).asLong(), "its manager sees which lead");
            assertTrue(visible.json().path("error").path("message").asText().contains("（编号：" + id + "）"), visible.body());
            JsonNode leads = org.as("rep2").get("/api/v1/leads?q=secret.buyer").json().path("items");
            assertEquals(1, leads.size(), "the probes created nothing: " + leads);
        }

        @Test
        void theWebFormIsRateLimitedPerCaller() {
            TestClient bot = org.newUser("formbot", org.teamSouth(), Role.INTEGRATOR);
            String body = "{\"personName\":\"Flood\",\"email\":\"flood@example.com\",\"territory\":\"Nowhere\",\"externalId\":\"flood-1\"}";
            assertEquals(201, org.as("manager1").post("/api/v1/lead-assignment-rules", "{\"territory\":\"Nowhere\",\"teamId\":" + org.teamSouth() + "}")
                    .status());
            TestResponse limited = null;
            int accepted = 0;
            for (int i = 0; i < 61 && limited == null; i++) {
                TestResponse r = bot.post("/api/v1/leads/web-form", body);
                if (r.status() == 429) {
                    limited = r;
                } else {
                    assertEquals(202, r.status(), r.body());
                    accepted++;
                }
            }
            assertTrue(limited != null, "no 429 after " + accepted + " submissions");
            assertEquals(60, accepted, "the documented default: 60 a minute");
            assertEquals("too_many_requests", limited.json().path("error").path("code").asText());
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, "Retry-After: " + limited.header("Retry-After"));
            assertEquals(202, org.as("integrator1").post("/api/v1/leads/web-form", body).status(), "another caller is not limited by it");
        }

        @Test
        void theDefaultPhoneRegionIsAConfigurationFileAndChangingItReKeysTheStoredLeads() throws Exception {
            TestClient rep = org.as("rep1");
            long hongKong = createdLead("rep1", "{\"personName\":\"HK local\",\"phone\":\"9123 4567\"}");
            long mainland = createdLead("rep1", "{\"personName\":\"CN local\",\"phone\":\"139 8888 7777\"}");
            java.nio.file.Path deploy = kernel.home().resolve("deploy");
            java.nio.file.Path cfg = deploy.resolve("dev.pacesetter.leads.cfg");
            java.nio.file.Path part = deploy.resolve(".dev.pacesetter.leads.cfg.part");
            java.nio.file.Files.writeString(part, "phone.region = HK\n");
            java.nio.file.Files.move(part, cfg, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            try {
                TestKernel.await(java.time.Duration.ofSeconds(30), () -> duplicateIds(rep, "+852 9123 4567").contains(hongKong),
                        "after phone.region = HK the stored '9123 4567' is never re-keyed to +85291234567");
            } finally {
                java.nio.file.Files.delete(cfg);
            }
            TestKernel.await(java.time.Duration.ofSeconds(30), () -> duplicateIds(rep, "+86 139 8888 7777").contains(mainland),
                    "without the file, CN again: '139 8888 7777' is never re-keyed back to +8613988887777");
        }

        /** The leads a new lead with this phone duplicates (creating it when it duplicates none, so call it knowingly). */
        List<Long> duplicateIds(TestClient as, String phone) {
            TestResponse r = as.post("/api/v1/leads", "{\"personName\":\"Probe\",\"phone\":\"" + phone + "\"}");
            List<Long> ids = new ArrayList<>();
            if (r.status() == 409) {
                r.json().path("error").path("details").path("leadIds").forEach(i -> ids.add(i.asLong()));
            }
            return ids;
        }

        static List<Long> ids(JsonNode page) {
            List<Long> ids = new ArrayList<>();
            page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
            return ids;
        }
    }
}
