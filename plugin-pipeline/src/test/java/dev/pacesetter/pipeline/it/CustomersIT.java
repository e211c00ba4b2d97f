package dev.pacesetter.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Orders, customer tiers with their playbooks and customer health over REST: orders build the history
 * (backdated {@code orderedAt} and activity {@code at} stand in for months passing), the administrator's
 * {@code POST /customers/recompute} runs what the nightly job runs, and the kernel's event log shows the events.
 */
class CustomersIT {

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
        void ordersMakeTiersWhosePlaybooksGiveTheOwnerTasks() throws Exception {
            TestClient rep = org.as("rep1");
            long account = account("rep1", "Core Co");
            for (int daysAgo : List.of(310, 250, 190)) {
                order(rep, account, "100000", daysAgo);
            }
            assertEquals("DORMANT", tier(rep, account).path("tier").asText(), "nothing for 190 days");
            JsonNode touch = playbookTasks(account).get(0);
            assertTrue(touch.path("title").asText().startsWith("价值内容触达（休眠客户）：Core Co"), touch.toString());
            assertEquals("OPEN", touch.path("status").asText());
            order(rep, account, "100000", 130);
            assertEquals("GROWTH", tier(rep, account).path("tier").asText(), "400000 in a year: growth");
            order(rep, account, "100000", 70);
            order(rep, account, "100000", 10);
            JsonNode tier = tier(rep, account);
            assertEquals("CORE", tier.path("tier").asText(), tier.toString());
            JsonNode metrics = tier.path("byOrdersNow").path("metrics");
            assertEquals("600000.00", metrics.path("spend").asText(), "six orders within the 365 days");
            assertEquals(60, metrics.path("repurchaseCycleDays").asInt());
            assertEquals("1.50", metrics.path("ordersPerQuarter").asText());
            assertTrue(tier.path("byOrdersNow").path("reason").asText().startsWith("365 天内消费 600000.00 CNY，每季度 1.50 单，复购周期 60 天："),
                    "why, in the rep's language: " + tier);
            assertTrue(tier.path("history").get(0).path("reason").asText().contains("复购周期"), tier.toString());
            List<String> history = new ArrayList<>();
            tier.path("history").forEach(h -> history.add((h.path("from").isNull() ? "none" : h.path("from").asText()) + ">" + h.path("to").asText()));
            assertEquals(List.of("GROWTH>CORE", "DORMANT>GROWTH", "none>DORMANT"), history, "newest first");

            List<JsonNode> tasks = playbookTasks(account);
            assertEquals(List.of("CANCELLED", "OPEN"), tasks.stream().map(t -> t.path("status").asText()).toList(),
                    "the dormant touch was cancelled when the customer grew; growth has no playbook; core's executive visit is open");
            JsonNode visit = tasks.get(1);
            assertTrue(visit.path("title").asText().startsWith("高层拜访（核心客户）"), visit.toString());
            assertEquals(org.id("rep1"), visit.path("ownerId").asLong());
            Instant due = Instant.parse(visit.path("dueAt").asText());
            assertTrue(Duration.between(now(), due).toDays() >= 88, "due within the quarter: " + due);
            assertEquals(409, rep.post("/api/v1/tasks/" + tasks.get(0).path("id").asLong() + "/done", "").status(), "cancelled");

            assertEquals(200, rep.post("/api/v1/tasks/" + visit.path("id").asLong() + "/done", "").status());
            List<JsonNode> after = playbookTasks(account);
            assertEquals(3, after.size(), after.toString());
            JsonNode next = after.get(2);
            assertEquals("OPEN", next.path("status").asText());
            assertEquals(due.atZone(ZoneOffset.UTC).plusMonths(3).toInstant(), Instant.parse(next.path("dueAt").asText()),
                    "the next visit a quarter after the last was due");

            assertEquals(200, kernel.admin().post("/api/v1/customers/recompute", "").status());
            assertEquals(3, playbookTasks(account).size(), "the nightly run changes nothing more");
            assertEquals(3, tier(rep, account).path("history").size());

            TestKernel.await(Duration.ofSeconds(20), () -> events("pipeline/account.tier-changed", account).size() >= 3,
                    "three tier changes were not published");
            List<JsonNode> published = events("pipeline/account.tier-changed", account);
            assertEquals(3, published.size());
            JsonNode last = published.get(2).path("payload");
            assertEquals("GROWTH", last.path("from").asText());
            assertEquals("CORE", last.path("to").asText());
            assertEquals("500000.00", last.path("spend").asText(), "core from the fifth order on");
            assertEquals(org.id("rep1"), last.path("ownerId").asLong());
        }

        @Test
        void aWonOpportunityRecordsItsOrderOnce() {
            TestClient rep = org.as("rep1");
            long account = account("rep1", "Won Co");
            long deal = opportunity(rep, account, "Big deal", "600000", "CNY");
            move(rep, deal, "PROPOSAL_SUBMITTED");
            move(rep, deal, "NEGOTIATION");
            move(rep, deal, "WON");
            JsonNode orders = rep.get("/api/v1/accounts/" + account + "/orders").json().path("items");
            assertEquals(1, orders.size(), orders.toString());
            assertEquals(deal, orders.get(0).path("opportunityId").asLong());
            assertEquals("600000.00", orders.get(0).path("amount").path("amount").asText());
            assertEquals("GROWTH", tier(rep, account).path("tier").asText(), "one big order: no cycle yet, so not core");
            TestResponse again = rep.post("/api/v1/accounts/" + account + "/orders", "{\"amount\":{\"amount\":\"600000\",\"currency\":\"CNY\"},"
                    + "\"opportunityId\":" + deal + "}");
            assertEquals(409, again.status(), again.body());
            assertTrue(again.body().contains("order_exists"), again.body());

            long dollars = opportunity(rep, account, "Dollar deal", "1000", "USD");
            move(rep, dollars, "PROPOSAL_SUBMITTED");
            move(rep, dollars, "NEGOTIATION");
            TestResponse won = rep.post("/api/v1/opportunities/" + dollars + "/stage", "{\"stage\":\"WON\"}");
            assertEquals(422, won.status(), won.body());
            assertTrue(won.body().contains("currency_mismatch") && won.body().contains("CNY"), won.body());
            assertEquals("NEGOTIATION", rep.get("/api/v1/opportunities/" + dollars).json().path("stage").asText(), "nothing changed");
            assertEquals(1, rep.get("/api/v1/accounts/" + account + "/orders").json().path("items").size());
        }

        @Test
        void aHealthDropAlertsTheOwnerOnceAndAgainOnlyAfterARecovery() throws Exception {
            TestClient admin = kernel.admin();
            try {
                TestClient rep = org.as("rep1");
                long account = account("rep1", "Drifting Co");
                order(rep, account, "100000", 150);
                order(rep, account, "100000", 120);
                JsonNode health = rep.get("/api/v1/accounts/" + account + "/health").json();
                assertEquals(65, health.path("score").asInt(), "just created (40), demand stopped (0), no competitor (25): " + health);
                assertEquals(false, health.path("below").asBoolean());
                assertTrue(healthTasks(account).isEmpty());

                long deal = opportunity(rep, account, "Renewal", "1000", "CNY");
                TestResponse visit = rep.post("/api/v1/opportunities/" + deal + "/activities", "{\"kind\":\"VISIT\",\"at\":\""
                        + now().minus(Duration.ofDays(60)) + "\",\"competitorContact\":true,\"notes\":\"they met a competitor\"}");
                assertEquals(201, visit.status(), visit.body());
                health = rep.get("/api/v1/accounts/" + account + "/health").json();
                assertEquals(16, health.path("score").asInt(), health.toString());
                assertEquals(50, health.path("threshold").asInt());
                assertEquals(true, health.path("below").asBoolean());
                assertEquals("Exclusive offer", health.path("retentionAction").asText());
                List<String> factors = new ArrayList<>();
                health.path("factors").forEach(f -> factors.add(f.path("factor").asText() + "=" + f.path("points").asInt() + "/" + f.path("max").asInt()));
                assertEquals(List.of("lastContact=16/40", "demandTrend=0/35", "competitorContact=0/25"), factors);

                assertEquals(200, admin.post("/api/v1/customers/recompute", "").status());
                assertEquals(200, admin.post("/api/v1/customers/recompute", "").status());
                List<JsonNode> tasks = healthTasks(account);
                assertEquals(1, tasks.size(), "one retention task across three computations: " + tasks);
                assertTrue(tasks.get(0).path("title").asText().startsWith("专属优惠：Drifting Co 的健康度为 16，低于阈值"), tasks.get(0).toString());
                assertEquals(tasks.get(0).path("id").asLong(), rep.get("/api/v1/accounts/" + account + "/health").json().path("lastComputed")
                        .path("retentionTaskId").asLong());
                assertEquals(1, alerts(rep, "Drifting Co").size(), "the owner was alerted once");

                order(rep, account, "300000", 1); // demand is back: 16 + 35 + 0 = 51
                assertEquals(false, rep.get("/api/v1/accounts/" + account + "/health").json().path("lastComputed").path("below").asBoolean());
                assertEquals(200, admin.put("/api/v1/health-settings", settings(80)).status());
                assertEquals(200, admin.post("/api/v1/customers/recompute", "").status());
                assertEquals(2, healthTasks(account).size(), "a new drop (51 < 80) after the recovery alerts again");
                assertEquals(2, alerts(rep, "Drifting Co").size());

                TestKernel.await(Duration.ofSeconds(20), () -> events("pipeline/account.health-dropped", account).size() >= 2,
                        "the drops were not published");
                Thread.sleep(500);
                List<JsonNode> drops = events("pipeline/account.health-dropped", account);
                assertEquals(2, drops.size());
                assertEquals(16, drops.get(0).path("payload").path("score").asInt());
                assertEquals("Exclusive offer", drops.get(0).path("payload").path("action").asText());
                assertEquals(80, drops.get(1).path("payload").path("threshold").asInt());
            } finally {
                admin.put("/api/v1/health-settings", settings(50));
            }
        }

        @Test
        void ordersTiersAndHealthAreScopedLikeTheirAccount() {
            long account = account("rep1", "Private Co");
            order(org.as("rep1"), account, "1000", 5);
            for (String path : List.of("/orders", "/tier", "/health")) {
                assertEquals(404, org.as("rep2").get("/api/v1/accounts/" + account + path).status(), path);
                assertEquals(404, org.as("manager2").get("/api/v1/accounts/" + account + path).status(), path);
                assertEquals(200, org.as("manager1").get("/api/v1/accounts/" + account + path).status(), path);
            }
            TestResponse foreign = org.as("rep2").post("/api/v1/accounts/" + account + "/orders", "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"}}");
            assertEquals(404, foreign.status());
            assertEquals(1, org.as("rep1").get("/api/v1/accounts/" + account + "/orders").json().path("items").size(), "nothing was recorded");
            assertEquals(403, org.as("rep1").put("/api/v1/tier-thresholds", thresholds("CNY")).status());
            assertEquals(403, org.as("rep1").post("/api/v1/customers/recompute", "").status());
            assertEquals(403, org.as("manager1").post("/api/v1/customers/recompute", "").status());
        }

        @Test
        void theNightlyRunLeavesOutRegionsWhereThePipelineIsOff() {
            TestClient admin = kernel.admin();
            long south = account("rep1", "South Co");
            long north = account("rep2", "North Co");
            assertTrue(tier(admin, south).path("tier").isNull(), "never tiered yet");
            kernel.disableModuleIn("pipeline", org.northChinaCode());
            try {
                assertEquals(404, org.as("rep2").get("/api/v1/accounts/" + north + "/orders").status());
                assertEquals(404, org.as("rep2").get("/api/v1/accounts/" + north + "/health").status());
                assertEquals(200, admin.post("/api/v1/customers/recompute", "").status());
                assertEquals("POTENTIAL", tier(admin, south).path("tier").asText());
                assertTrue(tier(admin, north).path("tier").isNull(), "north china is off: " + tier(admin, north));
                assertTrue(admin.get("/api/v1/accounts/" + north + "/health").json().path("lastComputed").isNull());
            } finally {
                kernel.enableModuleEverywhere("pipeline");
            }
            assertEquals(200, admin.post("/api/v1/customers/recompute", "").status());
            assertEquals("POTENTIAL", tier(admin, north).path("tier").asText());
        }

        @Test
        void badInputIsRefusedClearlyAndChangesNothing() {
            TestClient rep = org.as("rep1");
            long account = account("rep1", "Careful Co");
            String orders = "/api/v1/accounts/" + account + "/orders";
            assertEquals(400, rep.post(orders, "{\"amount\":{\"amount\":\"-5\",\"currency\":\"CNY\"}}").status(), "negative");
            assertEquals(400, rep.post(orders, "{\"amount\":{\"amount\":\"lots\",\"currency\":\"CNY\"}}").status(), "not a number");
            assertEquals(400, rep.post(orders, "{\"amount\":{\"amount\":\"0\",\"currency\":\"CNY\"}}").status(), "nothing");
            assertEquals(400, rep.post(orders, "{\"amount\":{\"amount\":\"1.001\",\"currency\":\"CNY\"}}").status(), "below a fen");
            assertEquals(400, rep.post(orders, "{\"amount\":{\"amount\":\"1\",\"currency\":\"ZZZ\"}}").status(), "no currency");
            assertEquals(400, rep.post(orders, "{}").status(), "no amount");
            assertEquals(400, rep.post(orders, "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"orderedAt\":\"2999-01-01T00:00:00Z\"}").status());
            assertEquals(400, rep.post(orders, "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"discount\":\"5\"}").status(), "unknown field");
            TestResponse dollars = rep.post(orders, "{\"amount\":{\"amount\":\"10\",\"currency\":\"USD\"}}");
            assertEquals(422, dollars.status(), dollars.body());
            assertTrue(dollars.body().contains("currency_mismatch"), dollars.body());
            assertEquals(404, rep.post("/api/v1/accounts/999999/orders", "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"}}").status());
            assertEquals(404, rep.get("/api/v1/accounts/999999/health").status());
            long open = opportunity(rep, account, "Open deal", "100", "CNY");
            TestResponse notWon = rep.post(orders, "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"opportunityId\":" + open + "}");
            assertEquals(409, notWon.status(), notWon.body());
            long other = opportunity(rep, account("rep1", "Other Co"), "Elsewhere", "100", "CNY");
            assertEquals(422, rep.post(orders, "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"opportunityId\":" + other + "}").status());
            long foreign = opportunity(org.as("rep2"), account("rep2", "Foreign Co"), "Theirs", "100", "CNY");
            assertEquals(404, rep.post(orders, "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"opportunityId\":" + foreign + "}").status());
            assertEquals(0, rep.get(orders).json().path("items").size(), "nothing was recorded");
            assertTrue(tier(rep, account).path("history").isEmpty(), "and nothing recomputed");

            TestClient admin = kernel.admin();
            assertEquals(400, admin.put("/api/v1/tier-thresholds", "{}").status());
            assertEquals(400, admin.put("/api/v1/tier-thresholds", thresholds("CNY").replace("\"500000.00\"", "\"-1\"")).status());
            assertEquals(400, admin.put("/api/v1/tier-thresholds", thresholds("CNY").replace("\"500000.00\"", "\"50000.00\"")).status(),
                    "core below growth");
            order(rep, account, "10", 1);
            TestResponse currency = admin.put("/api/v1/tier-thresholds", thresholds("USD"));
            assertEquals(409, currency.status(), "orders are in CNY: " + currency.body());
            assertEquals("CNY", admin.get("/api/v1/tier-thresholds").json().path("currency").asText());
            assertEquals(200, admin.put("/api/v1/tier-thresholds", thresholds("CNY")).status());
            assertEquals(404, admin.put("/api/v1/tier-playbooks/PLATINUM", "{\"action\":\"x\",\"every\":\"P1M\"}").status());
            assertEquals(400, admin.put("/api/v1/tier-playbooks/CORE", "{\"action\":\"Executive visit\",\"every\":\"P0D\"}").status());
            assertEquals(400, admin.put("/api/v1/tier-playbooks/CORE", "{\"action\":\"Executive visit\",\"every\":\"quarterly\"}").status());
            assertEquals(400, admin.put("/api/v1/health-settings", settings(50).replace("\"competitorWeight\":25", "\"competitorWeight\":20")).status(),
                    "weights add up to 95");
            assertEquals(400, admin.put("/api/v1/health-settings", settings(0)).status());
            JsonNode playbooks = admin.get("/api/v1/tier-playbooks").json().path("items");
            assertEquals("[{\"tier\":\"CORE\",\"action\":\"高层拜访\",\"every\":\"P3M\",\"active\":true},"
                    + "{\"tier\":\"DORMANT\",\"action\":\"价值内容触达\",\"every\":\"P1M\",\"active\":true}]", playbooks.toString(),
                    "the shipped actions in the reader's language");
            assertEquals(50, admin.get("/api/v1/health-settings").json().path("threshold").asInt());
        }

        static String thresholds(String currency) {
            return "{\"currency\":\"" + currency + "\",\"windowDays\":365,\"coreMinSpend\":\"500000.00\",\"coreMinOrdersPerQuarter\":\"1.00\","
                    + "\"coreMaxCycleDays\":120,\"growthMinSpend\":\"100000.00\",\"growthMinOrdersPerQuarter\":\"1.00\",\"dormantAfterDays\":180,"
                    + "\"dormantAfterCycles\":2}";
        }

        static String settings(int threshold) {
            return "{\"threshold\":" + threshold + ",\"contactWeight\":40,\"contactFullWithinDays\":14,\"contactZeroAfterDays\":90,\"demandWeight\":35,"
                    + "\"demandWindowDays\":90,\"competitorWeight\":25,\"competitorWithinDays\":90,\"retentionDueDays\":3}";
        }

        long account(String persona, String name) {
            TestResponse created = org.as(persona).post("/api/v1/accounts", "{\"name\":\"" + name + "\"}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        void order(TestClient client, long account, String amount, int daysAgo) {
            TestResponse created = client.post("/api/v1/accounts/" + account + "/orders", "{\"amount\":{\"amount\":\"" + amount
                    + "\",\"currency\":\"CNY\"},\"orderedAt\":\"" + now().minus(Duration.ofDays(daysAgo)) + "\"}");
            assertEquals(201, created.status(), created.body());
        }

        static long opportunity(TestClient client, long account, String name, String amount, String currency) {
            TestResponse created = client.post("/api/v1/opportunities", "{\"accountId\":" + account + ",\"name\":\"" + name
                    + "\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        static void move(TestClient client, long id, String stage) {
            TestResponse moved = client.post("/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"" + stage + "\"}");
            assertEquals(200, moved.status(), moved.body());
        }

        static JsonNode tier(TestClient client, long account) {
            TestResponse tier = client.get("/api/v1/accounts/" + account + "/tier");
            assertEquals(200, tier.status(), tier.body());
            return tier.json();
        }

        /** The account's tasks from {@code source}, oldest first (rep1 owns every account they are asked about). */
        List<JsonNode> tasks(long account, String source) {
            List<JsonNode> found = new ArrayList<>();
            org.as("rep1").get("/api/v1/tasks?status=ALL").json().path("items").forEach(t -> {
                if (t.path("accountId").asLong() == account && t.path("source").asText().equals(source)) {
                    found.add(t);
                }
            });
            found.sort(java.util.Comparator.comparingLong(t -> t.path("id").asLong()));
            return found;
        }

        List<JsonNode> playbookTasks(long account) {
            return tasks(account, "PLAYBOOK");
        }

        List<JsonNode> healthTasks(long account) {
            return tasks(account, "HEALTH");
        }

        static List<JsonNode> alerts(TestClient client, String accountName) {
            List<JsonNode> found = new ArrayList<>();
            client.get("/api/v1/notifications?size=100").json().path("items").forEach(n -> {
                if (n.path("title").asText().contains(accountName)) {
                    found.add(n);
                }
            });
            return found;
        }

        /** The platform's time, which PipelineIT moves in the kernel these tests share: orders and visits are backdated from it. */
        Instant now() {
            return Instant.parse(kernel.admin().get("/api/v1/clock").expect(200).path("now").asText());
        }

        /** The events of {@code topic} about the account, in the order they were published, from the kernel's event log. */
        List<JsonNode> events(String topic, long account) {
            return kernel.events(topic).stream().filter(e -> e.path("aggregateId").asText().equals(Long.toString(account)))
                    .sorted(java.util.Comparator.comparing(e -> Instant.parse(e.path("payload").path("at").asText()))).toList();
        }
    }
}
