package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            super(database, List.of("plugin-leads"));
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
