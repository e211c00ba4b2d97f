package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Nested;

/** A plugin's whole life through the deploy/ folder, without ever restarting the kernel. */
class HotDeployIT {

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

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Scenarios extends KernelScenarios {

        private static final Duration DEPLOY_BOUND = Duration.ofSeconds(15);

        Scenarios(Database database) {
            super(database, List.of());
        }

        @Test
        @Order(1)
        void aJarDroppedIntoDeployIsInstalledMigratedAndServed() throws Exception {
            assertEquals(404, kernel.http().get("/api/v1/hello").status());
            kernel.deploy("hello-v1", "hello.jar");
            KernelHarness.await(DEPLOY_BOUND, () -> kernel.http().get("/api/v1/hello").status() == 200, "hello never answered");
            assertEquals("1.0.0", kernel.http().get("/api/v1/hello").json().path("version").asText());
            assertEquals(201, kernel.http().post("/api/v1/hello/greetings", "{\"text\":\"kept across updates\"}").status());
        }

        @Test
        @Order(2)
        void aReplacedJarUpdatesTheBundleRunsNewMigrationsAndKeepsData() throws Exception {
            Map<Integer, Integer> statusesDuringUpdate = new ConcurrentHashMap<>();
            AtomicBoolean hammering = new AtomicBoolean(true);
            Thread hammer = new Thread(() -> {
                while (hammering.get()) {
                    statusesDuringUpdate.merge(kernel.http().get("/api/v1/hello/ping").status(), 1, Integer::sum);
                }
            });
            hammer.start();
            kernel.deploy("hello-v2", "hello.jar");
            try {
                KernelHarness.await(DEPLOY_BOUND, () -> {
                    Http.Result r = kernel.http().get("/api/v1/hello");
                    return r.status() == 200 && r.json().path("version").asText().equals("2.0.0");
                }, "the new version never answered");
            } finally {
                hammering.set(false);
                hammer.join();
            }
            statusesDuringUpdate.keySet().forEach(status -> assertTrue(status == 200 || status == 503,
                    "while updating, the module answers 200 or 503 (Retry-After), never " + status + ": " + statusesDuringUpdate));
            Http.Result hello = kernel.http().get("/api/v1/hello");
            assertEquals("hello, again", hello.json().path("greeting").asText(), "migration V2 ran on update");
            assertEquals("2", kernel.http().get("/api/v1/modules/hello").json().path("schemaVersion").asText());
            assertEquals("kept across updates",
                    kernel.http().get("/api/v1/hello/greetings").json().path("items").get(0).path("text").asText());
            kernel.awaitHealthy();
        }

        @Test
        @Order(3)
        void aDeletedJarIsUninstalledAndItsRoutesAnswer404() throws Exception {
            kernel.undeploy("hello.jar");
            KernelHarness.await(DEPLOY_BOUND, () -> kernel.http().get("/api/v1/hello").status() == 404, "hello still answers");
            KernelHarness.await(DEPLOY_BOUND, () -> kernel.http().get("/api/v1/modules/hello").status() == 404, "module still listed");
            kernel.awaitHealthy();
        }
    }
}
