package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deadlines and recurring jobs of the timers fixture, which records every firing in a table whose primary key
 * makes a second firing fail. The fixture is uploaded over REST so that tests can stop and start it.
 */
class SchedulerIT {

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

        private long bundleId;

        Scenarios(Database database) {
            super(database, List.of(), KernelHarness.withAdjustableClock("--scheduler-retry-base-ms=100", "--scheduler-poll-ms=100"));
        }

        @BeforeAll
        void uploadTimers() throws Exception {
            Http.Result installed = kernel.http().call("POST", "/api/v1/bundles", "application/java-archive",
                    Files.readAllBytes(KernelHarness.fixture("timers")));
            assertEquals(201, installed.status(), installed.body());
            bundleId = installed.json().path("id").asLong();
            KernelHarness.await(Duration.ofSeconds(20), () -> kernel.http().get("/api/v1/timers/fired").status() == 200,
                    "the timers fixture never served");
        }

        @Test
        void deadlinesFireOnceAtTheirTimeWhileCancelledAndMovedOnesWait() {
            Http admin = kernel.http();
            schedule("due", 40, 3_600_000, 60_000, null); // in an hour, spread over a minute
            moveTo("moved", 3_600_000);
            moveTo("cancelled", 3_600_000);
            Http.Result moved = admin.put("/api/v1/timers/deadlines/moved", "{\"dueInMs\":" + Duration.ofDays(10).toMillis() + "}");
            assertEquals(200, moved.status(), moved.body());
            assertEquals(204, admin.delete("/api/v1/timers/deadlines/cancelled").status());
            assertEquals(404, admin.delete("/api/v1/timers/deadlines/cancelled").status(), "nothing left to cancel");
            assertEquals(0, fired("due").path("count").asInt(), "none before its time");

            kernel.advanceClock(Duration.ofMinutes(62));
            awaitFired("due", 40);
            JsonNode due = fired("due");
            assertEquals(1, due.path("maxAttempt").asInt(), "each fired at the first attempt");
            assertTrue(due.path("lagMsMax").asLong() >= 0, "none fired before it was due: " + due);
            // every poll since the move fired what was due: the moved and the cancelled deadlines were not
            assertEquals(0, fired("moved").path("count").asInt(), "the moved deadline waits for its new time");
            assertEquals(0, fired("cancelled").path("count").asInt(), "the cancelled deadline never fires");
            Instant movedTo = Instant.parse(admin.get("/api/v1/timers/deadlines/moved").json().path("dueAt").asText());
            Instant now = Instant.parse(admin.get("/api/v1/clock").json().path("now").asText());
            assertTrue(movedTo.isAfter(now.plus(Duration.ofDays(9))), "moved to " + movedTo + ", now " + now);

            JsonNode jobs = admin.get("/api/v1/jobs?type=deadline&module=timers").json();
            JsonNode pending = find(jobs.path("items"), "moved");
            assertEquals("scheduled", pending.path("state").asText(), pending.toString());
            assertEquals("timers.ping", pending.path("name").asText());
            assertTrue(pending.path("handlerHere").asBoolean());
            assertEquals(403, org.as("manager1").get("/api/v1/jobs").status());
            assertEquals(400, admin.get("/api/v1/jobs?state=sleeping").status());
            assertEquals(400, admin.get("/api/v1/jobs?after=not-a-cursor").status());
            assertEquals(204, admin.delete("/api/v1/timers/deadlines/moved").status());
        }

        @Test
        void jobListPagesSoonestFirstWithoutGapsOrRepeats() {
            Http admin = kernel.http();
            schedule("page", 7, 3_600_000, 60_000, null);
            JsonNode first = admin.get("/api/v1/jobs?type=deadline&module=timers&limit=4").json();
            assertEquals(4, first.path("items").size());
            String after = first.path("nextAfter").asText();
            JsonNode second = admin.get("/api/v1/jobs?type=deadline&module=timers&limit=4&after=" + after).json();
            List<String> keys = new java.util.ArrayList<>();
            first.path("items").forEach(i -> keys.add(i.path("key").asText()));
            second.path("items").forEach(i -> keys.add(i.path("key").asText()));
            assertEquals(List.of("page-0", "page-1", "page-2", "page-3", "page-4", "page-5", "page-6"),
                    keys.stream().filter(k -> k.startsWith("page-")).toList());
            for (int n = 0; n < 7; n++) {
                assertEquals(204, admin.delete("/api/v1/timers/deadlines/page-" + n).status());
            }
        }

        @Test
        void aFailingDeadlineIsRetriedWithBackOffThenParkedAndAnAdministratorCanRetryIt() {
            Http admin = kernel.http();
            control(true, 0);
            try {
                assertEquals(200, admin.put("/api/v1/timers/deadlines/flaky-1", "{\"kind\":\"timers.flaky\",\"dueInMs\":0}").status());
                JsonNode parked = awaitParked("flaky-1");
                assertEquals(5, parked.path("attempts").asInt(), parked.toString());
                assertTrue(parked.path("lastError").asText().contains("flaky handler told to fail (attempt 5)"), parked.toString());
                assertEquals(0, fired("flaky-1").path("count").asInt(), "a failed attempt's writes roll back");
                assertEquals(404, admin.get("/api/v1/timers/deadlines/flaky-1?kind=timers.flaky").status(), "no longer pending");
                assertEquals(400, admin.get("/api/v1/jobs?type=job&state=parked").status());
            } finally {
                control(false, 0);
            }
            long id = awaitParked("flaky-1").path("id").asLong();
            Http.Result retried = admin.post("/api/v1/jobs/parked/" + id + "/retry", "");
            assertEquals(202, retried.status(), retried.body());
            awaitFired("flaky-1", 1);
            assertEquals(404, admin.post("/api/v1/jobs/parked/" + id + "/retry", "").status());
            JsonNode audit = admin.get("/api/v1/audit?resource=jobs&recordId=" + id).json().path("items");
            assertEquals("retry", audit.get(0).path("action").asText());
        }

        @Test
        void overdueDeadlinesFireOnStartAfterDowntime() throws Exception {
            kernel.advanceClock(Duration.ofMinutes(5));
            String advanced = kernel.http().get("/api/v1/clock").json().path("advancedBy").asText();
            schedule("overdue", 20, 1000, 200, null);
            kernel.restart(Duration.ofMillis(2500));
            assertEquals(advanced, kernel.http().get("/api/v1/clock").json().path("advancedBy").asText(), "a restart does not go back in time");
            awaitFired("overdue", 20);
            assertTrue(fired("overdue").path("lagMsP50").asLong() >= 500, "they were overdue when the kernel came back: " + fired("overdue"));
            long runs = runs().path("count").asLong();
            KernelHarness.await(Duration.ofSeconds(10), () -> runs().path("count").asLong() > runs, "the job did not run after the restart");
        }

        @Test
        void aRecurringJobRunsEachOccurrenceOnceAndPausesWhileTheModuleIsOffEverywhere() {
            Http admin = kernel.http();
            KernelHarness.await(Duration.ofSeconds(10), () -> runs().path("count").asLong() >= 3 && "all".equals(runs().path("regions").asText()),
                    "the every-second job did not run for all regions");
            JsonNode job = admin.get("/api/v1/jobs?type=job").json().path("items").get(0);
            assertEquals("timers.tick", job.path("name").asText());
            assertEquals("cron '* * * * * *' Z", job.path("schedule").asText());
            assertEquals(0, job.path("consecutiveFailures").asInt(), "no occurrence ran twice (the primary key would have failed it)");

            assertEquals(200, admin.put("/api/v1/modules/timers/enablement", "{\"regions\":[]}").status());
            try {
                sleep(500);
                long paused = runs().path("count").asLong();
                sleep(2500);
                assertTrue(runs().path("count").asLong() <= paused + 1, "runs went on while the module was off everywhere");
            } finally {
                assertEquals(200, admin.put("/api/v1/modules/timers/enablement", "{\"regions\":\"all\"}").status());
            }
            long resumed = runs().path("count").asLong();
            KernelHarness.await(Duration.ofSeconds(10), () -> runs().path("count").asLong() > resumed, "the job did not resume");
        }

        @Test
        void aDeadlineInARegionWhereTheModuleIsOffIsSkipped() {
            Http admin = kernel.http();
            JsonNode regions = admin.get("/api/v1/regions").json().path("items");
            long south = regionId(regions, "south-china");
            long north = regionId(regions, "north-china");
            assertEquals(200, admin.put("/api/v1/modules/timers/enablement", "{\"regions\":[\"south-china\"]}").status());
            try {
                schedule("north", 3, Duration.ofHours(24).toMillis(), 100, north);
                schedule("south", 3, Duration.ofHours(24).toMillis(), 100, south);
                kernel.advanceClock(Duration.ofHours(24).plusMinutes(1));
                awaitFired("south", 3);
                KernelHarness.await(Duration.ofSeconds(10), () -> admin.get("/api/v1/timers/deadlines/north-0").status() == 404,
                        "the deadline in north-china was neither skipped nor dropped");
                assertEquals(0, fired("north").path("count").asInt(), "skipped, not fired");
                KernelHarness.await(Duration.ofSeconds(5), () -> ("[" + south + "]").equals(runs().path("regions").asText()),
                        "the job was not told that only south-china is on");
            } finally {
                assertEquals(200, admin.put("/api/v1/modules/timers/enablement", "{\"regions\":\"all\"}").status());
            }
        }

        @Test
        void aStoppingBundleFinishesTheDeadlineInProgressAndItsOtherDeadlinesWaitForIt() {
            Http admin = kernel.http();
            control(false, 1500);
            moveTo("slow", 0);
            moveTo("later", 800);
            KernelHarness.await(Duration.ofSeconds(10), () -> {
                JsonNode slow = find(admin.get("/api/v1/jobs?type=deadline&module=timers").json().path("items"), "slow");
                return slow != null && "running".equals(slow.path("state").asText());
            }, "the slow deadline never ran");
            Http.Result stopped = admin.post("/api/v1/bundles/" + bundleId + "/stop", "");
            assertEquals(200, stopped.status(), stopped.body());
            try {
                sleep(1500);
                JsonNode later = find(admin.get("/api/v1/jobs?type=deadline&module=timers").json().path("items"), "later");
                assertEquals("waiting", later.path("state").asText(), later.toString());
                assertFalse(later.path("handlerHere").asBoolean());
            } finally {
                assertEquals(200, admin.post("/api/v1/bundles/" + bundleId + "/start", "").status());
            }
            KernelHarness.await(Duration.ofSeconds(20), () -> kernel.http().get("/api/v1/timers/fired").status() == 200, "timers never came back");
            control(false, 0);
            awaitFired("slow", 1);
            awaitFired("later", 1);
        }

        private static long regionId(JsonNode regions, String code) {
            for (JsonNode region : regions) {
                if (region.path("code").asText().equals(code)) {
                    return region.path("id").asLong();
                }
            }
            throw new AssertionError("no region " + code + " in " + regions);
        }

        private void schedule(String prefix, int count, long dueInMs, long spreadMs, Long regionId) {
            Http.Result scheduled = kernel.http().post("/api/v1/timers/deadlines", "{\"prefix\":\"" + prefix + "\",\"count\":" + count
                    + ",\"dueInMs\":" + dueInMs + ",\"spreadMs\":" + spreadMs + ",\"regionId\":" + regionId + "}");
            assertEquals(200, scheduled.status(), scheduled.body());
        }

        private void moveTo(String key, long dueInMs) {
            Http.Result moved = kernel.http().put("/api/v1/timers/deadlines/" + key, "{\"dueInMs\":" + dueInMs + "}");
            assertEquals(200, moved.status(), moved.body());
        }

        private void control(boolean failFlaky, int delayMs) {
            assertEquals(200, kernel.http().put("/api/v1/timers/control", "{\"failFlaky\":" + failFlaky + ",\"delayMs\":" + delayMs + "}").status());
        }

        private JsonNode fired(String prefix) {
            return kernel.http().get("/api/v1/timers/fired?prefix=" + prefix).json();
        }

        private JsonNode runs() {
            return kernel.http().get("/api/v1/timers/runs").json();
        }

        private void awaitFired(String prefix, int count) {
            KernelHarness.await(Duration.ofSeconds(30), () -> fired(prefix).path("count").asInt() >= count,
                    count + " '" + prefix + "' deadlines did not fire");
            assertEquals(count, fired(prefix).path("count").asInt());
        }

        private JsonNode awaitParked(String key) {
            JsonNode[] found = {null};
            KernelHarness.await(Duration.ofSeconds(30),
                    () -> (found[0] = find(kernel.http().get("/api/v1/jobs?state=parked").json().path("items"), key)) != null,
                    key + " was never parked");
            return found[0];
        }

        private static JsonNode find(JsonNode items, String key) {
            for (JsonNode item : items) {
                if (item.path("key").asText().equals(key)) {
                    return item;
                }
            }
            return null;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
