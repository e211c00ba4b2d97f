package dev.pacesetter.leads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.testing.TestClient;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;
import dev.pacesetter.testing.TestResponse;

/**
 * Leads' grading rules, editing with regrade, touches, follow-up policies with their deadlines and breach alerts, and
 * the reach rate, over REST against the real kernel. The plan's scenario runs with A's policy shortened to seconds.
 */
class LeadFollowUpIT {

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

        /** A by the plan's defaults: clear intent, a confirmed budget and the decision maker. */
        static final String HOT = "\"intent\":\"HIGH\",\"budgetStatus\":\"CONFIRMED\",\"decisionRole\":\"DECISION_MAKER\"";
        static final String WARM = "\"intent\":\"MEDIUM\",\"budgetStatus\":\"UNCONFIRMED\"";
        static final String COLD = "\"intent\":\"LOW\",\"budgetStatus\":\"NONE\"";
        static final String DEFAULT_RULES = "{\"rules\":[{\"name\":\"clear intent, confirmed budget, decision maker\",\"grade\":\"A\","
                + "\"minIntent\":\"HIGH\",\"minBudget\":\"CONFIRMED\",\"minDecision\":\"DECISION_MAKER\"},{\"name\":\"intent, budget or decision"
                + " maker still open\",\"grade\":\"B\",\"minIntent\":\"MEDIUM\"}],\"fallback\":\"C\"}";

        private int phone = 1000;

        Scenarios(TestDatabase database) {
            super(database);
        }

        /** The platform's time: the clock these tests move. */
        Instant now() {
            return Instant.parse(kernel.admin().get("/api/v1/clock").json().path("now").asText());
        }

        JsonNode policyOf(String grade) {
            for (JsonNode policy : kernel.admin().get("/api/v1/follow-up-policies").json().path("items")) {
                if (policy.path("grade").asText().equals(grade)) {
                    return policy;
                }
            }
            throw new AssertionError("no follow-up policy for grade " + grade);
        }

        @Test
        void anALeadNotPhonedInTimeAlertsOwnerAndManagerWhileACallInTimeClosesItsFollowUp() {
            JsonNode policy = policyOf("A");
            assertEquals("PT24H", policy.path("firstWithin").asText(), "the plan's rule, as shipped");
            assertEquals("A类线索24小时内电话跟进", policy.path("rule").asText(), "the administrator reads the default language");
            // the owner reads the default (zh-CN), the manager chose English: each gets the same alert in their own language
            TestResponse english = org.as("manager1").put("/api/v1/me/language", "{\"language\":\"en\"}");
            assertEquals(200, english.status(), english.body());
            try {
                TestClient rep = org.as("rep1");
                long missed = lead(rep, "Zhang Wei", HOT);
                long called = lead(rep, "Li Lei", HOT);
                JsonNode open = followUps(rep, missed).get(0);
                assertEquals("OPEN", open.path("status").asText());
                assertEquals("CALL", open.path("touchKind").asText());
                assertEquals(org.id("rep1"), open.path("ownerId").asLong());

                TestResponse call = touch(rep, called, "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"notes\":\"wants a demo\"}");
                assertEquals(201, call.status(), call.body());
                assertEquals("DONE", call.json().path("followUpDone").path("status").asText());
                assertTrue(call.json().path("nextFollowUp").isNull(), "A's policy does not repeat");
                assertEquals("CONTACTED", call.json().path("leadStatus").asText());
                TestResponse attempt = touch(rep, missed, "{\"kind\":\"CALL\",\"outcome\":\"NO_ANSWER\"}");
                assertEquals(201, attempt.status(), attempt.body());
                assertTrue(attempt.json().path("followUpDone").isNull(), "an unanswered call is no phone contact");
                assertEquals(0, alerts("rep1", missed).size(), "not before its 24 hours are up");

                kernel.advanceClock(Duration.ofHours(24).plusMinutes(1));
                TestKernel.await(Duration.ofSeconds(30), () -> alerts("rep1", missed).size() == 1 && alerts("manager1", missed).size() == 1,
                        "owner and manager were not both alerted");
                for (String persona : List.of("rep1", "manager1")) {
                    JsonNode alert = alerts(persona, missed).get(0);
                    assertEquals("RED", alert.path("severity").asText());
                    assertEquals("leads.sla-breached", alert.path("kind").asText());
                    assertTrue(alert.path("title").asText().contains("Zhang Wei"), alert.toString());
                }
                JsonNode chinese = alerts("rep1", missed).get(0);
                assertEquals("A类线索超时未跟进：Zhang Wei", chinese.path("title").asText());
                assertEquals("A类线索24小时内电话跟进", chinese.path("rule").asText());
                assertTrue(chinese.path("body").asText().startsWith("A类线索（负责人："), chinese.toString());
                JsonNode inEnglish = alerts("manager1", missed).get(0);
                assertEquals("Missed follow-up on a grade A lead: Zhang Wei", inEnglish.path("title").asText());
                assertEquals("A leads phoned within 24 hours", inEnglish.path("rule").asText());
                assertTrue(inEnglish.path("body").asText().startsWith("Grade A lead owned by "), inEnglish.toString());
                assertEquals(0, alerts("rep2", missed).size());
                assertEquals(0, alerts("manager2", missed).size());
                assertEquals("BREACHED", followUps(rep, missed).get(0).path("status").asText());
                JsonNode done = followUps(rep, called).get(0);
                assertEquals("DONE", done.path("status").asText());
                assertEquals(0, alerts("rep1", called).size(), "called in time: no alert");
                assertEquals(0, alerts("manager1", called).size());
                JsonNode lead = rep.get("/api/v1/leads/" + missed).json();
                assertEquals("NEW", lead.path("status").asText(), "an attempt does not make the lead contacted");
                assertFalse(lead.path("firstTouchAt").isNull(), "but it is its first touch");

                TestKernel.await(Duration.ofSeconds(20), () -> !events(missed, "leads/lead.sla-breached").isEmpty(), "no sla-breached event");
                JsonNode breach = events(missed, "leads/lead.sla-breached").get(0).path("payload");
                assertEquals("A", breach.path("grade").asText());
                assertEquals("CALL", breach.path("touchKind").asText());
                TestKernel.await(Duration.ofSeconds(20), () -> !events(called, "leads/lead.touched").isEmpty(), "no touched event");
                assertTrue(events(called, "leads/lead.sla-breached").isEmpty());

                assertTrue(toDo(rep).contains(missed), "a breached follow-up stays on the list until made up");
                TestResponse late = touch(rep, missed, "{\"kind\":\"CALL\",\"outcome\":\"REACHED\"}");
                assertEquals(201, late.status(), late.body());
                assertEquals(1, late.json().path("madeUpLate").size());
                assertFalse(toDo(rep).contains(missed));
                assertEquals("BREACHED", followUps(rep, missed).get(0).path("status").asText(), "late stays late");
            } finally {
                policy("A", "CALL", "PT24H", null);
                org.as("manager1").put("/api/v1/me/language", "{\"language\":\"zh-CN\"}");
            }
        }

        @Test
        void aContentTouchMeetsBsFollowUpAndSchedulesTheNextOneAWeekLater() {
            assertEquals(200, policy("B", "CONTENT", "P7D", "P7D").status());
            TestClient rep = org.as("rep2");
            long id = lead(rep, "Wang Fang", WARM);
            JsonNode first = followUps(rep, id).get(0);
            assertEquals("CONTENT", first.path("touchKind").asText());
            Duration within = Duration.between(Instant.parse(rep.get("/api/v1/leads/" + id).json().path("createdAt").asText()),
                    Instant.parse(first.path("dueAt").asText()));
            assertTrue(within.compareTo(Duration.ofDays(7).minusMillis(1)) >= 0 && within.compareTo(Duration.ofDays(7)) <= 0, within.toString());
            pause(50);
            Instant at = now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            TestResponse sent = touch(rep, id, "{\"kind\":\"CONTENT\",\"outcome\":\"SENT\",\"at\":\"" + at + "\",\"notes\":\"case study\"}");
            assertEquals(201, sent.status(), sent.body());
            assertEquals("DONE", sent.json().path("followUpDone").path("status").asText());
            JsonNode next = sent.json().path("nextFollowUp");
            assertEquals("OPEN", next.path("status").asText());
            assertEquals(at, Instant.parse(next.path("windowStart").asText()));
            assertEquals(at.plus(Duration.ofDays(7)), Instant.parse(next.path("dueAt").asText()));
            assertEquals("B类线索每7天发送内容一次", next.path("rule").asText(), "in the rep's language (zh-CN)");
            List<JsonNode> tasks = followUps(rep, id);
            assertEquals(2, tasks.size());
            assertEquals("OPEN", tasks.get(0).path("status").asText());
            assertEquals("DONE", tasks.get(1).path("status").asText());
            assertEquals("B类线索每7天发送内容一次", tasks.get(0).path("rule").asText());
            assertEquals(200, rep.put("/api/v1/me/language", "{\"language\":\"en\"}").status());
            try {
                assertEquals("B leads sent content every 7 days", followUps(rep, id).get(0).path("rule").asText(), "the same task for an English reader");
            } finally {
                rep.put("/api/v1/me/language", "{\"language\":null}");
            }
            JsonNode touches = rep.get("/api/v1/leads/" + id + "/touches").json().path("items");
            assertEquals(1, touches.size());
            assertEquals("CONTENT", touches.get(0).path("kind").asText());
            assertEquals(org.id("rep2"), touches.get(0).path("byUserId").asLong());
            JsonNode history = rep.get("/api/v1/leads/" + id + "/history").json().path("items");
            assertTrue(history.toString().contains("\"STATUS_CHANGED\""), history.toString());
            JsonNode lead = rep.get("/api/v1/leads/" + id).json();
            assertEquals("CONTACTED", lead.path("status").asText());
            assertEquals(at, Instant.parse(lead.path("firstTouchAt").asText()));
        }

        @Test
        void aMissedBFollowUpWarnsAndTheNextIsDueARepeatAfterTheMissedOne() {
            assertEquals(200, policy("B", "CONTENT", "PT2S", "P7D").status());
            TestClient rep = org.as("rep2");
            long id;
            try {
                id = lead(rep, "Zhao Min", WARM);
            } finally {
                policy("B", "CONTENT", "P7D", "P7D");
            }
            TestKernel.await(Duration.ofSeconds(30), () -> alerts("rep2", id).size() == 1 && alerts("manager2", id).size() == 1,
                    "owner and manager were not warned");
            assertEquals("WARNING", alerts("manager2", id).get(0).path("severity").asText());
            assertEquals("B类线索2秒内发送内容，此后每7天一次", alerts("rep2", id).get(0).path("rule").asText());
            List<JsonNode> tasks = followUps(rep, id);
            assertEquals(2, tasks.size());
            assertEquals("BREACHED", tasks.get(1).path("status").asText());
            JsonNode next = tasks.get(0);
            assertEquals("OPEN", next.path("status").asText());
            Instant missedDue = Instant.parse(tasks.get(1).path("dueAt").asText());
            assertEquals(missedDue, Instant.parse(next.path("windowStart").asText()));
            assertEquals(missedDue.plus(Duration.ofDays(7)), Instant.parse(next.path("dueAt").asText()));
            TestResponse sent = touch(rep, id, "{\"kind\":\"EMAIL\",\"outcome\":\"SENT\"}");
            assertEquals(201, sent.status(), sent.body());
            assertEquals(next.path("id").asLong(), sent.json().path("followUpDone").path("id").asLong(), "a touch after the miss meets the next one");
            assertEquals(1, sent.json().path("madeUpLate").size(), "and makes up the missed one");
        }

        @Test
        void editingGradingInputsRegradesRecordsItAndReplacesTheFollowUp() {
            TestClient rep = org.as("rep1");
            long id = lead(rep, "Chen Jie", COLD);
            JsonNode before = rep.get("/api/v1/leads/" + id).json();
            assertEquals("C", before.path("grade").asText());
            int version = before.path("version").asInt();
            assertEquals("CONTENT", followUps(rep, id).get(0).path("touchKind").asText());

            TestResponse edited = rep.put("/api/v1/leads/" + id, "{\"version\":" + version + "," + HOT + ",\"company\":\"Acme Ltd\"}");
            assertEquals(200, edited.status(), edited.body());
            JsonNode lead = edited.json();
            assertEquals("A", lead.path("grade").asText());
            assertEquals("意向明确、预算已确认、已找到决策人", lead.path("gradeExplanation").path("rule").asText(), "the plan's A rule, in Chinese");
            assertEquals(version + 1, lead.path("version").asInt());
            assertEquals("Acme Ltd", lead.path("company").asText());
            JsonNode regraded = null;
            for (JsonNode entry : rep.get("/api/v1/leads/" + id + "/history").json().path("items")) {
                if (entry.path("kind").asText().equals("REGRADED")) {
                    regraded = entry;
                }
            }
            assertTrue(regraded != null, "regrade in the history");
            assertEquals("C", regraded.path("from").asText());
            assertEquals("A", regraded.path("to").asText());
            // written once, in English words; read in the reader's language
            assertTrue(regraded.path("note").asText().contains("版定级规则中的“意向明确、预算已确认、已找到决策人”"), regraded.toString());
            assertTrue(regraded.path("note").asText().contains("意向 高（2 分）"), regraded.toString());
            assertEquals(200, rep.put("/api/v1/me/language", "{\"language\":\"en\"}").status());
            try {
                String english = rep.get("/api/v1/leads/" + id + "/history").json().path("items").findValuesAsText("note").toString();
                assertTrue(english.contains("grading rules version") && english.contains("intent HIGH (2)"), english);
            } finally {
                rep.put("/api/v1/me/language", "{\"language\":null}");
            }
            List<JsonNode> tasks = followUps(rep, id);
            assertEquals("OPEN", tasks.get(0).path("status").asText());
            assertEquals("CALL", tasks.get(0).path("touchKind").asText());
            assertEquals("CANCELLED", tasks.get(1).path("status").asText());
            assertEquals("重新定级：C → A", tasks.get(1).path("closeReason").asText(), "why it closed, in the rep's language");
            TestKernel.await(Duration.ofSeconds(20), () -> !events(id, "leads/lead.graded").isEmpty(), "no graded event");
            assertEquals("C", events(id, "leads/lead.graded").get(0).path("payload").path("previous").asText());

            TestResponse stale = rep.put("/api/v1/leads/" + id, "{\"version\":" + version + ",\"personName\":\"Someone else\"}");
            assertEquals(409, stale.status(), stale.body());
            assertEquals("stale_version", stale.json().path("error").path("code").asText());
            assertEquals(400, rep.put("/api/v1/leads/" + id, "{\"version\":" + (version + 1) + ",\"phone\":\"call me\"}").status());
            assertEquals(400, rep.put("/api/v1/leads/" + id, "{\"personName\":\"No version\"}").status());
            assertEquals(400, rep.put("/api/v1/leads/" + id, "{\"version\":" + (version + 1) + ",\"tags\":[\"no such tag\"]}").status());
            JsonNode unchanged = rep.get("/api/v1/leads/" + id).json();
            assertEquals(version + 1, unchanged.path("version").asInt());
            assertEquals("Chen Jie", unchanged.path("personName").asText());

            assertEquals(201, org.as("marketing1").post("/api/v1/lead-tags", "{\"name\":\"Budget confirmed\"}").status());
            TestClient marketing = org.as("marketing1");
            assertEquals(403, marketing.put("/api/v1/leads/" + id, "{\"version\":" + (version + 1) + ",\"intent\":\"LOW\"}").status());
            TestResponse tagged = marketing.put("/api/v1/leads/" + id, "{\"version\":" + (version + 1) + ",\"tags\":[\"budget confirmed\"]}");
            assertEquals(200, tagged.status(), tagged.body());
            assertEquals("Budget confirmed", tagged.json().path("tags").get(0).asText());
            assertEquals("A", tagged.json().path("grade").asText());
            assertEquals(2, followUps(rep, id).size(), "no regrade, no new follow-up");
            JsonNode audit = kernel.admin().get("/api/v1/audit?module=leads&resource=leads&recordId=" + id).json().path("items");
            List<String> actions = new ArrayList<>();
            audit.forEach(a -> actions.add(a.path("action").asText()));
            assertEquals(List.of("update", "update", "create"), actions, "each change audited, the refused ones not");
        }

        @Test
        void newGradingRulesAreANewVersionThatGradesNewLeadsAndNamesItself() {
            TestClient manager = org.as("manager1");
            JsonNode current = manager.get("/api/v1/grading-rules").json();
            int was = current.path("version").asInt();
            assertTrue(current.path("versions").size() >= 1);
            assertEquals(403, org.as("rep1").put("/api/v1/grading-rules", DEFAULT_RULES).status());
            TestResponse bad = manager.put("/api/v1/grading-rules", "{\"rules\":[{\"name\":\"\",\"grade\":\"A\",\"minTotal\":9},{\"name\":\"x\"}],"
                    + "\"fallback\":null}");
            assertEquals(400, bad.status(), bad.body());
            for (String field : List.of("rules[0].name", "rules[0].minTotal", "rules[1].grade", "fallback")) {
                assertTrue(bad.body().contains("\"" + field + "\""), field + " named: " + bad.body());
            }
            assertEquals(400, manager.put("/api/v1/grading-rules", "{\"rules\":[{\"name\":\"x\",\"grade\":\"Z\"}],\"fallback\":\"C\"}").status());
            assertEquals(400, manager.put("/api/v1/grading-rules", "{\"rules\":[],\"fallback\":\"C\"}").status());
            assertEquals(was, manager.get("/api/v1/grading-rules").json().path("version").asInt(), "nothing stored");
            try {
                TestResponse saved = manager.put("/api/v1/grading-rules", "{\"rules\":[{\"name\":\"decision makers first\",\"grade\":\"A\","
                        + "\"minDecision\":\"DECISION_MAKER\"},{\"name\":\"some intent\",\"grade\":\"B\",\"minIntent\":\"MEDIUM\"}],\"fallback\":\"C\"}");
                assertEquals(200, saved.status(), saved.body());
                int version = saved.json().path("version").asInt();
                assertTrue(version > was);
                assertEquals("决策角色 ≥ 决策人", saved.json().path("rules").get(0).path("conditions").asText(), "in the manager's language");
                TestResponse created = org.as("rep1").post("/api/v1/leads", "{\"personName\":\"Boss\",\"phone\":\"" + nextPhone() + "\"," + COLD
                        + ",\"decisionRole\":\"DECISION_MAKER\"}");
                assertEquals(201, created.status(), created.body());
                assertEquals("A", created.json().path("grade").asText());
                assertEquals("decision makers first", created.json().path("gradeExplanation").path("rule").asText());
                assertEquals(version, created.json().path("gradeExplanation").path("rulesVersion").asInt());
                assertEquals("CALL", followUps(org.as("rep1"), created.json().path("id").asLong()).get(0).path("touchKind").asText());
                JsonNode stored = org.as("rep1").get("/api/v1/grading-rules/" + version).json();
                assertEquals(2, stored.path("rules").size());
                assertEquals(org.id("manager1"), stored.path("createdBy").asLong());
                assertEquals(4, org.as("rep1").get("/api/v1/grading-rules/1").json().path("rules").size(), "the defaults stay readable");
                assertEquals(404, org.as("rep1").get("/api/v1/grading-rules/999").status());
                assertEquals(1, kernel.admin().get("/api/v1/audit?module=leads&resource=grading-rules&recordId=" + version).json().path("items")
                        .size(), "audited");
            } finally {
                assertEquals(200, kernel.admin().put("/api/v1/grading-rules", DEFAULT_RULES).status());
            }
        }

        @Test
        void reachRateIsFollowUpsMetInTimeOverFollowUpsDuePerRepTeamAndRegion() {
            Instant from = now().minusMillis(100);
            assertEquals(200, policy("A", "CALL", "PT2S", null).status());
            TestClient rep = org.as("rep1");
            long reached;
            long unanswered;
            long ignored;
            try {
                reached = lead(rep, "Reach One", HOT);
                unanswered = lead(rep, "Reach Two", HOT);
                ignored = lead(rep, "Reach Three", HOT);
            } finally {
                policy("A", "CALL", "PT24H", null);
            }
            long pending = lead(rep, "Reach Four", HOT);
            assertEquals(201, touch(rep, reached, "{\"kind\":\"CALL\",\"outcome\":\"MEETING_BOOKED\"}").status());
            assertEquals(201, touch(rep, unanswered, "{\"kind\":\"CALL\",\"outcome\":\"LEFT_MESSAGE\"}").status());
            TestKernel.await(Duration.ofSeconds(30), () -> followUps(rep, unanswered).get(0).path("status").asText().equals("BREACHED")
                    && followUps(rep, ignored).get(0).path("status").asText().equals("BREACHED"), "the two misses were not breached");
            String window = "from=" + from + "&to=" + from.plus(Duration.ofMinutes(1)) + "&grade=A";

            JsonNode byRep = rep.get("/api/v1/leads/reach-rate?" + window).json();
            assertEquals("rep", byRep.path("groupBy").asText());
            assertEquals(1, byRep.path("groups").size(), byRep.toString());
            JsonNode rep1 = byRep.path("groups").get(0);
            assertEquals(org.id("rep1"), rep1.path("id").asLong());
            assertEquals(3, rep1.path("due").asLong());
            assertEquals(1, rep1.path("reached").asLong());
            assertEquals(2, rep1.path("missed").asLong());
            assertEquals("0.3333", rep1.path("rate").asText());
            assertEquals("0.3333", byRep.path("total").path("rate").asText());

            JsonNode byTeam = org.as("manager1").get("/api/v1/leads/reach-rate?groupBy=team&" + window).json();
            assertEquals(org.teamSouth(), byTeam.path("groups").get(0).path("id").asLong());
            assertEquals(3, byTeam.path("total").path("due").asLong());
            JsonNode byRegion = kernel.admin().get("/api/v1/leads/reach-rate?groupBy=region&" + window).json();
            assertEquals("South China", byRegion.path("groups").get(0).path("name").asText(), "the region's name: the report is for people");
            assertEquals(org.southChinaCode(), byRegion.path("groups").get(0).path("code").asText());
            assertEquals("Guangzhou A", byTeam.path("groups").get(0).path("name").asText());
            assertEquals("rep1", byRep.path("groups").get(0).path("name").asText(), "the rep's display name");
            assertEquals("0.3333", byRegion.path("groups").get(0).path("rate").asText());

            JsonNode foreign = org.as("rep2").get("/api/v1/leads/reach-rate?" + window).json();
            assertEquals(0, foreign.path("groups").size(), "another rep's follow-ups are out of scope");
            assertEquals(0, foreign.path("total").path("due").asLong());
            assertTrue(foreign.path("total").path("rate").isNull(), "nothing due: no rate");

            JsonNode ahead = rep.get("/api/v1/leads/reach-rate?grade=A&from=" + from + "&to=" + now().plus(Duration.ofDays(2))).json();
            assertTrue(ahead.path("total").path("pending").asLong() >= 1, "lead " + pending + " is not due yet: " + ahead);
            assertEquals(ahead.path("total").path("reached").asLong() + ahead.path("total").path("missed").asLong(), ahead.path("total").path("due")
                    .asLong());

            assertEquals(400, rep.get("/api/v1/leads/reach-rate?groupBy=owner").status());
            assertEquals(400, rep.get("/api/v1/leads/reach-rate?from=yesterday").status());
            assertEquals(400, rep.get("/api/v1/leads/reach-rate?from=2026-02-01&to=2026-01-01").status());
            assertEquals(400, rep.get("/api/v1/leads/reach-rate?grade=Z").status());
        }

        @Test
        void aRegionWhereTheModuleIsOffGets404AndNoAlerts() {
            TestClient admin = kernel.admin();
            long north;
            long south;
            try {
                kernel.disableModuleIn("leads", org.northChinaCode());
                TestResponse forbidden = org.as("rep2").get("/api/v1/leads");
                assertEquals(404, forbidden.status(), forbidden.body());
                assertEquals("module_not_enabled", forbidden.json().path("error").path("code").asText());
                north = lead(admin, "North Lead", HOT + ",\"ownerId\":" + org.id("rep2"));
                south = lead(admin, "South Lead", HOT + ",\"ownerId\":" + org.id("rep1"));
                assertEquals(404, org.as("rep2").post("/api/v1/leads/" + north + "/touches", "{\"kind\":\"CALL\",\"outcome\":\"REACHED\"}").status());
            } catch (RuntimeException | AssertionError e) {
                kernel.enableModuleEverywhere("leads");
                throw e;
            }
            kernel.advanceClock(Duration.ofHours(24).plusMinutes(1));
            try {
                TestKernel.await(Duration.ofSeconds(30), () -> alerts("rep1", south).size() == 1, "the south lead was not alerted");
                TestKernel.await(Duration.ofSeconds(10), () -> admin.get("/api/v1/jobs?type=deadline&module=leads&limit=500").body()
                        .indexOf("\"key\":\"" + north + "\"") < 0, "the north deadline is still pending");
                assertEquals(0, alerts("rep2", north).size(), "no alert where the module is off");
                assertEquals(0, alerts("manager2", north).size());
                assertEquals("OPEN", followUps(admin, north).get(0).path("status").asText(), "skipped, not breached");
                assertTrue(events(north, "leads/lead.sla-breached").isEmpty());
            } finally {
                kernel.enableModuleEverywhere("leads");
            }
            assertEquals(200, org.as("rep2").get("/api/v1/leads/" + north).status());
        }

        @Test
        void badInputIsRefusedAndChangesNothing() {
            TestClient rep = org.as("rep1");
            long id = lead(rep, "Bad Input", HOT);
            for (String body : List.of("{\"kind\":\"PIGEON\",\"outcome\":\"SENT\"}", "{\"kind\":\"CALL\",\"outcome\":\"SENT\"}",
                    "{\"outcome\":\"REACHED\"}", "{\"kind\":\"CALL\"}", "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"at\":\"yesterday\"}",
                    "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"at\":\"" + now().plus(Duration.ofHours(1)) + "\"}",
                    "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"at\":\"2001-01-01T00:00:00Z\"}",
                    "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"mood\":\"happy\"}",
                    "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"at\":\"+999999999-12-31T23:59:59Z\"}",
                    "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"at\":\"-999999999-01-01T00:00:00Z\"}")) {
                TestResponse refused = touch(rep, id, body);
                assertEquals(400, refused.status(), body + " → " + refused.body());
            }
            TestResponse bodyOnBodyless = rep.post("/api/v1/leads/" + id + "/qualify", "[null,null]");
            assertEquals(400, bodyOnBodyless.status(), bodyOnBodyless.body());
            assertEquals("unexpected_body", bodyOnBodyless.json().path("error").path("code").asText());
            assertEquals(400, rep.get("/api/v1/leads/reach-rate?from=%2B999999999-12-31T23:59:59Z").status(), "a query time is bounded too");
            TestResponse future = touch(rep, id, "{\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"at\":\"" + now().plus(Duration.ofHours(1)) + "\"}");
            assertTrue(future.body().contains("\"at\""), future.body());
            assertEquals(0, rep.get("/api/v1/leads/" + id + "/touches").json().path("items").size());
            assertEquals("OPEN", followUps(rep, id).get(0).path("status").asText());
            JsonNode lead = rep.get("/api/v1/leads/" + id).json();
            assertEquals("NEW", lead.path("status").asText());
            assertTrue(lead.path("firstTouchAt").isNull());

            TestClient other = org.as("rep2");
            assertEquals(404, touch(other, id, "{\"kind\":\"CALL\",\"outcome\":\"REACHED\"}").status());
            assertEquals(404, other.get("/api/v1/leads/" + id + "/touches").status());
            assertEquals(404, other.get("/api/v1/leads/" + id + "/follow-ups").status());
            assertEquals(404, other.put("/api/v1/leads/" + id, "{\"version\":1,\"personName\":\"Mine now\"}").status());
            assertEquals(404, org.as("manager2").put("/api/v1/leads/" + id, "{\"version\":1,\"intent\":\"LOW\"}").status());
            assertEquals(404, touch(rep, 99_999_999L, "{\"kind\":\"CALL\",\"outcome\":\"REACHED\"}").status());
            assertFalse(toDo(other).contains(id));
            assertEquals("Bad Input", rep.get("/api/v1/leads/" + id).json().path("personName").asText());

            String policies = rep.get("/api/v1/follow-up-policies").body();
            TestClient admin = kernel.admin();
            for (String body : List.of("{\"touchKind\":\"CALL\",\"firstWithin\":\"24 hours\"}", "{\"touchKind\":\"FAX\",\"firstWithin\":\"PT1H\"}",
                    "{\"touchKind\":\"CALL\",\"firstWithin\":\"PT0S\"}", "{\"touchKind\":\"CALL\",\"firstWithin\":\"-PT1H\"}",
                    "{\"touchKind\":\"CALL\",\"firstWithin\":\"PT1H\",\"repeatEvery\":\"PT10S\"}", "{\"touchKind\":\"CALL\"}",
                    "{\"touchKind\":\"CALL\",\"firstWithin\":\"P1M\"}")) {
                TestResponse refused = admin.put("/api/v1/follow-up-policies/A", body);
                assertEquals(400, refused.status(), body + " → " + refused.body());
            }
            assertEquals(404, admin.put("/api/v1/follow-up-policies/Z", "{\"touchKind\":\"CALL\",\"firstWithin\":\"PT1H\"}").status());
            assertEquals(403, rep.put("/api/v1/follow-up-policies/A", "{\"touchKind\":\"CALL\",\"firstWithin\":\"PT1H\"}").status());
            assertEquals(policies, rep.get("/api/v1/follow-up-policies").body(), "no policy changed");
        }

        // ------------------------------------------------------------ helpers

        TestResponse policy(String grade, String kind, String firstWithin, String repeatEvery) {
            return kernel.admin().put("/api/v1/follow-up-policies/" + grade, "{\"touchKind\":\"" + kind + "\",\"firstWithin\":\"" + firstWithin + "\""
                    + (repeatEvery == null ? "" : ",\"repeatEvery\":\"" + repeatEvery + "\"") + "}");
        }

        synchronized String nextPhone() {
            return "1380000" + (phone++);
        }

        long lead(TestClient as, String name, String grading) {
            TestResponse created = as.post("/api/v1/leads?allowDuplicate=true", "{\"personName\":\"" + name + "\",\"phone\":\"" + nextPhone() + "\","
                    + grading + "}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        static TestResponse touch(TestClient as, long leadId, String body) {
            return as.post("/api/v1/leads/" + leadId + "/touches", body);
        }

        static List<JsonNode> followUps(TestClient as, long leadId) {
            TestResponse result = as.get("/api/v1/leads/" + leadId + "/follow-ups");
            assertEquals(200, result.status(), result.body());
            List<JsonNode> tasks = new ArrayList<>();
            result.json().path("items").forEach(tasks::add);
            return tasks;
        }

        static List<Long> toDo(TestClient as) {
            List<Long> leads = new ArrayList<>();
            as.get("/api/v1/leads/follow-ups?limit=500").json().path("items").forEach(t -> leads.add(t.path("leadId").asLong()));
            return leads;
        }

        List<JsonNode> alerts(String persona, long leadId) {
            List<JsonNode> found = new ArrayList<>();
            org.as(persona).get("/api/v1/notifications?size=100").json().path("items").forEach(n -> {
                if (n.path("link").asText().equals("/leads/" + leadId)) {
                    found.add(n);
                }
            });
            return found;
        }

        /** The events of {@code topic} about the lead, oldest first, from the kernel's event log. */
        List<JsonNode> events(long leadId, String topic) {
            return kernel.events(topic).stream().filter(e -> e.path("aggregateId").asText().equals(Long.toString(leadId))).toList();
        }

        static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
