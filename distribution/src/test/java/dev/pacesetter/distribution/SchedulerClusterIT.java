package dev.pacesetter.distribution;

import static dev.pacesetter.distribution.KernelNodes.await;
import static dev.pacesetter.distribution.KernelNodes.freePort;
import static dev.pacesetter.distribution.KernelNodes.getJson;
import static dev.pacesetter.distribution.KernelNodes.send;
import static dev.pacesetter.distribution.KernelNodes.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deadlines and a recurring job shared by two real kernel processes on one PostgreSQL database. The timers
 * fixture records each firing in a table keyed by the deadline (and each job run by its planned time), so a
 * second firing would fail and show up as a failure.
 */
class SchedulerClusterIT {

    private static final int DEADLINES = 3000;

    @Test
    void twoNodesFireEachOfThousandsOfDeadlinesOnceAndRunEachJobOccurrenceOnce(@TempDir Path homeA, @TempDir Path homeB) throws Exception {
        try (KernelNodes nodes = new KernelNodes("pacesetter_sched_")) {
            int portA = freePort();
            int portB = freePort();
            Map<String, String> settings = Map.of("PACESETTER_SCHEDULER_POLL_MS", "100");
            nodes.start(homeA, portA, "timers", "/api/v1/timers/fired", settings);
            nodes.start(homeB, portB, "timers", "/api/v1/timers/fired", settings);
            String tokenA = signIn(portA);
            String tokenB = signIn(portB);

            // half scheduled through each node, due over the same few seconds
            for (int half = 0; half < 2; half++) {
                int port = half == 0 ? portA : portB;
                String body = "{\"prefix\":\"cluster" + half + "\",\"count\":" + DEADLINES / 2 + ",\"dueInMs\":2000,\"spreadMs\":4000}";
                assertEquals(200, send(port, half == 0 ? tokenA : tokenB, "POST", "/api/v1/timers/deadlines", body).statusCode());
            }
            await(Duration.ofSeconds(90), () -> getJson(portA, tokenA, "/api/v1/timers/fired?prefix=cluster").path("count").asInt() >= DEADLINES,
                    "not every deadline fired");
            Thread.sleep(1000); // a duplicate firing would have shown by now
            JsonNode fired = getJson(portB, tokenB, "/api/v1/timers/fired?prefix=cluster");
            assertEquals(DEADLINES, fired.path("count").asInt(), "each deadline fired once: " + fired);
            assertEquals(1, fired.path("maxAttempt").asInt(), "no firing failed (a second one would break the primary key): " + fired);
            assertEquals(2, fired.path("byNode").size(), "both nodes took a share: " + fired.path("byNode"));
            JsonNode counts = getJson(portA, tokenA, "/api/v1/jobs").path("counts");
            assertEquals(0, counts.path("parked").asInt(), counts.toString());
            assertEquals(0, getJson(portA, tokenA, "/api/v1/jobs?type=deadline").path("items").size(), "nothing left pending");

            JsonNode job = getJson(portA, tokenA, "/api/v1/jobs?type=job").path("items").get(0);
            assertEquals(0, job.path("consecutiveFailures").asInt(), "no occurrence ran twice: " + job);
            assertTrue(getJson(portB, tokenB, "/api/v1/timers/runs").path("count").asInt() >= 5, "the every-second job ran");
        }
    }
}
