package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One module flooded with slow requests that each hold a connection: it answers what its bulkheads admit and
 * {@code 503 module_busy} with {@code Retry-After} beyond them, never 500; meanwhile another module (the timers fixture)
 * reads and writes its database, and the platform's routes (health, sign-in) answer, as if nothing happened. Without
 * the bulkheads the flood takes the whole pool and the other module gets 503 {@code database_unavailable}.
 */
class BulkheadIT {

    private static final int FLOOD = 20;
    private static final int HOLD_MS = 5_000;

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

    abstract static class Scenarios extends KernelScenarios {

        Scenarios(Database database) {
            // pool 10: modules share 8 of it; hello may hold 3 connections and run 6 requests, 2 more wait 200 ms
            super(database, List.of("hello-v1", "timers"), "--jdbc-pool-size=10", "--module-max-connections=3",
                    "--module-max-requests=6", "--module-request-queue=2", "--module-request-wait-ms=200");
        }

        @Test
        void aFloodedModuleTurnsAwayWhatItCannotServeAndOthersDoNotNotice() throws Exception {
            Http admin = kernel.http();
            assertEquals(200, admin.get("/api/v1/timers/runs").status(), "the timers module serves before the flood");

            ExecutorService flood = Executors.newFixedThreadPool(FLOOD);
            Map<String, AtomicInteger> outcomes = new TreeMap<>();
            List<String> unexpected = new ArrayList<>();
            AtomicInteger answered = new AtomicInteger();
            List<CompletableFuture<Void>> requests = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                requests.add(CompletableFuture.runAsync(() -> {
                    Http.Result r = kernel.http().get("/api/v1/hello/slow?ms=" + HOLD_MS + "&inTransaction=true");
                    String code = r.status() == 200 ? "200" : r.status() + " " + r.json().path("error").path("code").asText();
                    synchronized (outcomes) {
                        outcomes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                        if (r.status() == 503 && r.header("Retry-After") == null || r.status() != 200 && !code.equals("503 module_busy")) {
                            unexpected.add(r.status() + " " + r.body());
                        }
                    }
                    answered.incrementAndGet();
                }, flood));
            }
            // the requests beyond the queue are turned away at once: once one is back, the flood holds its connections
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_MS / 1000 - 1);
            while (answered.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            List<String> others = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                others.add("GET /timers/runs " + admin.get("/api/v1/timers/runs").status());
                others.add("PUT /timers/deadlines " + admin.put("/api/v1/timers/deadlines/bulkhead-" + i, "{\"dueInMs\":3600000}").status());
                others.add("GET /health " + kernel.http().get("/api/v1/health").status());
            }
            others.add("sign-in " + (kernel.login("admin", KernelHarness.ADMIN_PASSWORD).isEmpty() ? "failed" : "ok"));
            boolean floodStillRunning = answered.get() < FLOOD;
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            flood.shutdown();

            assertTrue(floodStillRunning, "the other module was used while the flood held its connections");
            assertEquals(List.of(), others.stream().filter(o -> !o.endsWith(" 200") && !o.endsWith(" 201") && !o.endsWith(" ok")).toList(),
                    "another module and the platform answer as usual during the flood");
            assertEquals(List.of(), unexpected, "the flood gets 200 or 503 module_busy with Retry-After: " + outcomes);
            assertEquals(3, outcomes.get("200").get(), "as many slow requests are served as the module has connections: " + outcomes);
            assertEquals(FLOOD - 3, outcomes.get("503 module_busy").get(), outcomes.toString());
            assertEquals(200, kernel.http().get("/api/v1/hello/slow?ms=1&inTransaction=true").status(), "the module serves again after the flood");
        }
    }
}
