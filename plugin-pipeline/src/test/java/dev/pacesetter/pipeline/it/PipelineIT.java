package dev.pacesetter.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.testing.TestClient;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;
import dev.pacesetter.testing.TestResponse;

/** The pipeline plugin over REST, with the leads plugin beside it for conversions. */
class PipelineIT {

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

    abstract static class Scenarios extends PipelineScenarios {

        Scenarios(TestDatabase database) {
            super(database);
        }

        @Test
        void aProposalWithoutFeedbackForThreeDaysRemindsTheOwnerOnceWhileFeedbackRestartsTheClock() {
            TestClient admin = kernel.admin();
            assertEquals("P3D", admin.get("/api/v1/stage-deadlines").json().path("items").get(0).path("within").asText(), "the plan's rule, as shipped");
            TestClient rep = org.as("rep1");
            long quiet = opportunity("rep1", account("rep1", "Quiet Co"), "Quiet deal");
            long chatty = opportunity("rep1", account("rep1", "Chatty Co"), "Chatty deal");
            move(rep, quiet, "PROPOSAL_SUBMITTED");
            move(rep, chatty, "PROPOSAL_SUBMITTED");
            kernel.advanceClock(Duration.ofDays(2));
            TestResponse feedback = rep.post("/api/v1/opportunities/" + chatty + "/activities", "{\"kind\":\"CUSTOMER_FEEDBACK\",\"notes\":\"likes it\"}");
            assertEquals(201, feedback.status(), feedback.body());
            kernel.advanceClock(Duration.ofDays(1).plusHours(1));
            TestKernel.await(Duration.ofSeconds(10), () -> !reminders(quiet).isEmpty(), "no care reminder for the quiet customer on day 3");
            assertTrue(reminders(chatty).isEmpty(), "feedback on day 2 restarted the clock: due on day 5");
            move(rep, chatty, "NEGOTIATION"); // leaving the stage cancels its deadline
            assertEquals(List.of(), pendingStageDeadlines(chatty), "no deadline left to remind of the chatty deal");
            kernel.advanceClock(Duration.ofDays(3));
            assertEquals(1, reminders(quiet).size(), "the reminder came once");
            JsonNode task = reminders(quiet).get(0);
            assertEquals("DEADLINE", task.path("source").asText());
            assertTrue(task.path("title").asText().contains("Quiet Co"), task.toString());
            JsonNode inbox = rep.get("/api/v1/notifications").json().path("items");
            assertTrue(inbox.toString().contains("Quiet deal"), inbox.toString());
            assertEquals(200, rep.post("/api/v1/tasks/" + task.path("id").asLong() + "/done", "").status());
            assertEquals(409, rep.post("/api/v1/tasks/" + task.path("id").asLong() + "/done", "").status());
        }

        @Test
        void onlyAnAdministratorMovesTheClockOnlyForwardAndTheMoveIsAudited() {
            assertEquals(403, org.as("rep1").post("/api/v1/clock/advance", "{\"by\":\"PT1H\"}").status());
            TestResponse backwards = kernel.admin().post("/api/v1/clock/advance", "{\"by\":\"-PT1H\"}");
            assertEquals(400, backwards.status(), backwards.body());
            assertEquals("by", backwards.json().path("error").path("details").path("fields").get(0).path("field").asText(), backwards.body());
            TestResponse both = kernel.admin().post("/api/v1/clock/advance", "{\"by\":\"PT1H\",\"to\":\"2030-01-01T00:00:00Z\"}");
            assertEquals(400, both.status(), both.body());
            JsonNode before = kernel.admin().get("/api/v1/clock").json();
            TestResponse moved = kernel.admin().post("/api/v1/clock/advance", "{\"by\":\"PT2H\"}");
            assertEquals(200, moved.status(), moved.body());
            java.time.Instant was = java.time.Instant.parse(before.path("now").asText());
            java.time.Instant is = java.time.Instant.parse(moved.json().path("now").asText());
            assertTrue(Duration.between(was, is).compareTo(Duration.ofHours(2)) >= 0, before + " -> " + moved.body());
            JsonNode audit = kernel.admin().get("/api/v1/audit?resource=clock").json().path("items").get(0);
            assertEquals("advance", audit.path("action").asText(), audit.toString());
            assertEquals(moved.json().path("advancedBy").asText(), audit.path("after").path("advancedBy").asText(), audit.toString());
        }

        private List<String> pendingStageDeadlines(long opportunity) {
            List<String> pending = new ArrayList<>();
            kernel.admin().get("/api/v1/jobs?type=deadline&module=pipeline&limit=500").json().path("items").forEach(j -> {
                if (j.path("key").asText().equals(Long.toString(opportunity))) {
                    pending.add(j.toString());
                }
            });
            return pending;
        }

        @Test
        void stageDeadlinesShowTheDurationAsItWasSet() {
            TestClient admin = kernel.admin();
            JsonNode shipped = admin.get("/api/v1/stage-deadlines").json().path("items").get(0);
            assertEquals("PROPOSAL_SUBMITTED", shipped.path("stage").asText());
            assertEquals("P3D", shipped.path("within").asText(), shipped.toString());
            try {
                TestResponse saved = admin.put("/api/v1/stage-deadlines/PROPOSAL_SUBMITTED", "{\"within\":\"pt36h\",\"rule\":\"a day and a half\"}");
                assertEquals(200, saved.status(), saved.body());
                assertEquals("PT36H", saved.json().path("within").asText());
                assertEquals("PT36H", admin.get("/api/v1/stage-deadlines").json().path("items").get(0).path("within").asText());
            } finally {
                admin.put("/api/v1/stage-deadlines/PROPOSAL_SUBMITTED", "{\"within\":\"P3D\",\"rule\":\"proposal submitted and no customer feedback"
                        + " for 3 days: customer care reminder\"}");
            }
        }

        @Test
        void aConvertedLeadBecomesOneAccountAndOneOpportunity() {
            TestClient rep = org.as("rep2");
            TestResponse lead = rep.post("/api/v1/leads?allowDuplicate=true", "{\"personName\":\"Sun Li\",\"company\":\"North Star\",\"email\":\"sun@northstar.example\","
                    + "\"budget\":{\"amount\":\"80000\",\"currency\":\"CNY\"},\"budgetStatus\":\"CONFIRMED\"}");
            assertEquals(201, lead.status(), lead.body());
            long leadId = lead.json().path("id").asLong();
            assertEquals(200, rep.post("/api/v1/leads/" + leadId + "/qualify", "").status());
            assertEquals(200, rep.post("/api/v1/leads/" + leadId + "/convert", "{\"opportunityName\":\"North Star rollout\"}").status());
            TestKernel.await(Duration.ofSeconds(15), () -> fromLead(rep, leadId).size() == 1, "the conversion never reached the pipeline");
            JsonNode opportunity = fromLead(rep, leadId).get(0);
            assertEquals("North Star rollout", opportunity.path("name").asText());
            assertEquals("80000.00", opportunity.path("amount").path("amount").asText());
            assertEquals("FIRST_CONTACT", opportunity.path("stage").asText());
            assertEquals(org.id("rep2"), opportunity.path("ownerId").asLong());
            JsonNode account = rep.get("/api/v1/accounts/" + opportunity.path("accountId").asLong()).json();
            assertEquals("North Star", account.path("name").asText());
            assertEquals("sun@northstar.example", account.path("contacts").get(0).path("email").asText());
            assertEquals(leadId, account.path("sourceLeadId").asLong());
            assertEquals(404, org.as("rep1").get("/api/v1/accounts/" + account.path("id").asLong()).status(), "another rep does not see it");
        }

        @Test
        void stagesMoveOnlyAlongThePipelineAndRecordTheirTime() throws Exception {
            TestClient rep = org.as("rep1");
            long id = opportunity("rep1", account("rep1", "Stage Co"), "Stage deal");
            TestResponse skip = rep.post("/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"WON\"}");
            assertEquals(409, skip.status());
            assertTrue(skip.body().contains("PROPOSAL_SUBMITTED") && skip.body().contains("LOST"), skip.body());
            assertEquals("商机 " + id + " 当前处于“初次接触”阶段，只能推进到 已提交方案、输单，不能推进到“赢单”。",
                    skip.json().path("error").path("message").asText(), "the allowed moves, in the rep's language");
            assertEquals(400, rep.post("/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"LOST\"}").status(), "lost needs a reason");
            assertEquals(400, rep.post("/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"SOLD\"}").status());
            move(rep, id, "PROPOSAL_SUBMITTED");
            kernel.advanceClock(Duration.ofHours(5));
            move(rep, id, "NEGOTIATION");
            JsonNode won = move(rep, id, "WON");
            JsonNode history = won.path("stageHistory");
            assertEquals(4, history.size(), history.toString());
            assertTrue(history.get(1).path("seconds").asLong() >= 5 * 3600, "five hours in proposal: " + history);
            assertEquals(409, rep.post("/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"LOST\",\"reason\":\"too late\"}").status(), "won is final");
            assertEquals(409, rep.post("/api/v1/opportunities/" + id + "/activities", "{\"kind\":\"DEMO\"}").status());
        }

        @Test
        void badInputIsRefusedClearlyAndChangesNothing() {
            TestClient rep = org.as("rep1");
            long account = account("rep1", "Input Co");
            long before = rep.get("/api/v1/opportunities?accountId=" + account).json().path("items").size();
            assertEquals(400, rep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"X\",\"amount\":{\"amount\":\"-1\",\"currency\":\"CNY\"}}").status());
            assertEquals(400, rep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"X\",\"amount\":{\"amount\":\"lots\",\"currency\":\"CNY\"}}").status());
            assertEquals(400, rep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"X\",\"amount\":{\"amount\":\"1\",\"currency\":\"ZZZ\"}}").status());
            TestResponse weights = rep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"X\",\"amount\":{\"amount\":\"100\",\"currency\":\"CNY\"},"
                    + "\"members\":[{\"userId\":" + org.id("rep1") + ",\"weight\":\"0.5\"},{\"userId\":" + org.id("manager1") + ",\"weight\":\"0.3\"}]}");
            assertEquals(422, weights.status(), weights.body());
            assertTrue(weights.body().contains("0.8"), weights.body());
            assertEquals("商机成员及其权重有误：成员权重之和为 0.8，须正好等于 1，请调整各成员的权重。", weights.json().path("error").path("message").asText());
            assertEquals("成员权重之和为 0.8，须正好等于 1，请调整各成员的权重",
                    weights.json().path("error").path("details").path("fields").get(0).path("message").asText(), "the fields of a 422 are rendered too");
            assertEquals(404, rep.post("/api/v1/opportunities", "{\"accountId\":999999,\"name\":\"X\",\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"}}").status());
            long foreign = account("rep2", "Foreign Co");
            assertEquals(404, rep.post("/api/v1/opportunities", "{\"accountId\":" + foreign + ",\"name\":\"X\",\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"}}").status());
            assertEquals(before, rep.get("/api/v1/opportunities?accountId=" + account).json().path("items").size(), "nothing was created");
            long id = opportunity("rep1", account, "Activity deal");
            assertEquals(400, rep.post("/api/v1/opportunities/" + id + "/activities", "{\"kind\":\"CALL\"}").status(), "a call needs its duration");
            assertEquals(400, rep.post("/api/v1/opportunities/" + id + "/activities", "{\"kind\":\"VISIT\",\"at\":\"2999-01-01T00:00:00Z\"}").status());
            assertEquals(201, rep.post("/api/v1/opportunities/" + id + "/activities", "{\"kind\":\"CALL\",\"durationSeconds\":300}").status());
            assertEquals(404, org.as("rep2").get("/api/v1/opportunities/" + id + "/activities").status());
            TestResponse split = rep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"Team deal\",\"amount\":{\"amount\":\"100\",\"currency\":\"CNY\"},"
                    + "\"members\":[{\"userId\":" + org.id("rep1") + ",\"weight\":\"0.5\"},{\"userId\":" + org.id("manager1") + ",\"weight\":\"0.3\"},"
                    + "{\"userId\":" + org.id("marketing1") + ",\"weight\":\"0.2\"}]}");
            assertEquals(201, split.status(), split.body());
            assertEquals("OWNER", split.json().path("members").get(0).path("role").asText());
        }

        @Test
        void theConversationModelShowsHowFarEachStepGot() {
            TestClient rep = org.as("rep1");
            long id = opportunity("rep1", account("rep1", "Talk Co"), "Talk deal");
            assertEquals(0, rep.get("/api/v1/opportunities/" + id + "/conversation").json().path("completeness").path("percent").asInt(),
                    "an empty record: nothing discovered, nothing presented");
            TestResponse saved = rep.put("/api/v1/opportunities/" + id + "/conversation", "{\"needs\":{\"what\":\"a CRM\",\"why\":\"leads get lost\","
                    + "\"who\":\"sales director\",\"when\":\"Q1\",\"where\":\"Guangzhou\",\"how\":\"SaaS\",\"howMuch\":\"200,000 a year\"},"
                    + "\"solution\":{\"valueStatement\":\"every lead reached within a day\",\"quantifiedBenefit\":\"30% less staff cost, about 40,000 a month\"}}");
            assertEquals(200, saved.status(), saved.body());
            assertEquals(100, saved.json().path("completeness").path("percent").asInt());
            TestResponse raised = rep.post("/api/v1/opportunities/" + id + "/conversation/objections", "{\"objection\":\"budget too small\","
                    + "\"libraryRef\":\"budget-insufficient\"}");
            assertEquals(201, raised.status(), raised.body());
            assertEquals(67, raised.json().path("completeness").path("percent").asInt(), "an open objection");
            long objection = raised.json().path("objections").get(0).path("id").asLong();
            assertEquals(404, org.as("rep2").post("/api/v1/opportunities/" + id + "/conversation/objections/" + objection + "/resolve",
                    "{\"resolution\":\"x\"}").status(), "another rep's opportunity");
            assertEquals(400, rep.post("/api/v1/opportunities/" + id + "/conversation/objections/" + objection + "/resolve", "{}").status());
            TestResponse resolved = rep.post("/api/v1/opportunities/" + id + "/conversation/objections/" + objection + "/resolve",
                    "{\"resolution\":\"instalments plus a free training day\"}");
            assertEquals(200, resolved.status(), resolved.body());
            assertEquals(100, resolved.json().path("completeness").path("percent").asInt());
            assertEquals(409, rep.post("/api/v1/opportunities/" + id + "/conversation/objections/" + objection + "/resolve",
                    "{\"resolution\":\"again\"}").status());
            assertEquals(400, rep.put("/api/v1/opportunities/" + id + "/conversation", "{\"needs\":{\"what\":\"" + "x".repeat(1001) + "\"}}").status());
        }

        @Test
        void theBoardAddsUpOpenOpportunitiesPerStageAndFollowsEveryMove() {
            TestClient admin = kernel.admin();
            TestResponse team = admin.post("/api/v1/teams", "{\"regionId\":" + org.southChina() + ",\"name\":\"Board team\"}");
            assertEquals(201, team.status(), team.body());
            long teamId = team.json().path("id").asLong();
            TestClient boardRep = org.newUser("boardrep", teamId, Role.REP);
            long account = created(boardRep.post("/api/v1/accounts", "{\"name\":\"Board Co\"}"));
            long a = created(boardRep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"A\",\"amount\":{\"amount\":\"100.10\",\"currency\":\"CNY\"}}"));
            created(boardRep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"B\",\"amount\":{\"amount\":\"200.20\",\"currency\":\"CNY\"}}"));
            created(boardRep.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"C\",\"amount\":{\"amount\":\"50\",\"currency\":\"USD\"}}"));
            JsonNode first = admin.get("/api/v1/pipeline/board?teamId=" + teamId).json().path("stages");
            assertEquals("FIRST_CONTACT", first.get(0).path("stage").asText());
            assertEquals(3, first.get(0).path("count").asLong());
            assertEquals("[{\"amount\":\"300.30\",\"currency\":\"CNY\"},{\"amount\":\"50.00\",\"currency\":\"USD\"}]",
                    first.get(0).path("totals").toString());
            move(boardRep, a, "PROPOSAL_SUBMITTED");
            move(boardRep, a, "NEGOTIATION");
            JsonNode moved = admin.get("/api/v1/pipeline/board?teamId=" + teamId).json().path("stages");
            assertEquals(2, moved.get(0).path("count").asLong());
            assertEquals(0, moved.get(1).path("count").asLong());
            assertEquals("[{\"amount\":\"100.10\",\"currency\":\"CNY\"}]", moved.get(2).path("totals").toString());
            move(boardRep, a, "WON");
            JsonNode won = admin.get("/api/v1/pipeline/board?teamId=" + teamId).json().path("stages");
            assertEquals(0, won.get(2).path("count").asLong(), "a won opportunity leaves the board");
            assertEquals(0, org.as("rep1").get("/api/v1/pipeline/board?teamId=" + teamId).json().path("stages").get(0).path("count").asLong(),
                    "another team's board is empty for a rep who sees none of it");
            assertEquals(400, admin.get("/api/v1/pipeline/board?teamId=abc").status());
        }

        static long created(TestResponse result) {
            assertEquals(201, result.status(), result.body());
            return result.json().path("id").asLong();
        }

        @Test
        void aRegionWhereThePipelineIsOffGetsNotFound() {
            kernel.disableModuleIn("pipeline", org.northChinaCode());
            try {
                assertEquals(404, org.as("rep2").get("/api/v1/opportunities").status());
                assertEquals(200, org.as("rep1").get("/api/v1/opportunities").status());
            } finally {
                kernel.enableModuleEverywhere("pipeline");
            }
        }

        long account(String persona, String name) {
            TestResponse created = org.as(persona).post("/api/v1/accounts", "{\"name\":\"" + name + "\",\"contacts\":[{\"name\":\"Buyer\"}]}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        long opportunity(String persona, long account, String name) {
            TestResponse created = org.as(persona).post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"" + name
                    + "\",\"amount\":{\"amount\":\"50000\",\"currency\":\"CNY\"},\"product\":\"CRM\"}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        static JsonNode move(TestClient client, long id, String stage) {
            TestResponse moved = client.post("/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"" + stage + "\"}");
            assertEquals(200, moved.status(), moved.body());
            return moved.json();
        }

        List<JsonNode> reminders(long opportunity) {
            List<JsonNode> found = new ArrayList<>();
            org.as("rep1").get("/api/v1/tasks?status=ALL").json().path("items").forEach(t -> {
                if (t.path("opportunityId").asLong() == opportunity) {
                    found.add(t);
                }
            });
            return found;
        }

        static List<JsonNode> fromLead(TestClient client, long leadId) {
            List<JsonNode> found = new ArrayList<>();
            client.get("/api/v1/opportunities").json().path("items").forEach(o -> {
                if (o.path("sourceLeadId").asLong() == leadId) {
                    found.add(o);
                }
            });
            return found;
        }
    }
}
