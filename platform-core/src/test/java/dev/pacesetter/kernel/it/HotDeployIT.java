package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin's whole life through the deploy/ folder, without ever restarting the kernel: installed, updated with a new
 * migration, updated with a failing one (503 module_failed) and repaired, uninstalled.
 */
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
            assertTrue(kernel.http().get("/api/v1/console/contributions").body().contains("\"module\":\"hello\""), "its console pages appear");
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
        void aFailedMigrationAnswers503ModuleFailedAndAnAdministratorRepairsItOnceTheScriptIsFixed(@TempDir Path temp) throws Exception {
            Path broken = withScript(temp.resolve("broken.jar"), "V3__half.sql",
                    "CREATE TABLE hello_half (id INT);\nINSERT INTO nowhere_at_all VALUES (1);\n");
            kernel.deploy(broken, "hello.jar");
            KernelHarness.await(DEPLOY_BOUND, () -> "FAILED".equals(module().path("state").asText()), "the broken migration never failed");
            assertTrue(module().path("reason").asText().contains("V3__half.sql"), module().toString());

            Http.Result asAdmin = kernel.http().get("/api/v1/hello/greetings");
            assertEquals(503, asAdmin.status(), asAdmin.body());
            assertEquals("module_failed", asAdmin.json().path("error").path("code").asText());
            assertTrue(asAdmin.json().path("error").path("details").path("reason").asText().contains("V3__half.sql"), asAdmin.body());
            assertEquals(null, asAdmin.header("Retry-After"), "it will not heal by itself");
            Http.Result anonymous = kernel.anonymous().get("/api/v1/hello/greetings");
            assertEquals(503, anonymous.status());
            assertTrue(anonymous.json().path("error").path("details").path("reason").isMissingNode(), "the SQL error is for administrators only");

            Path fixed = withScript(temp.resolve("fixed.jar"), "V3__half.sql",
                    "CREATE TABLE IF NOT EXISTS hello_half (id INT);\nINSERT INTO hello_half VALUES (1);\n");
            kernel.deploy(fixed, "hello.jar");
            if (database == Database.H2) {
                // H2 committed the CREATE TABLE and recorded the failure: the corrected script alone does not get past validation
                KernelHarness.await(DEPLOY_BOUND, () -> module().path("reason").asText().contains("Detected failed migration to version 3"),
                        "the failed migration was not detected: " + module());
                assertTrue(module().path("reason").asText().contains("/api/v1/modules/hello/migrations/repair"), module().toString());
                Http.Result repair = kernel.http().post("/api/v1/modules/hello/migrations/repair", "");
                assertEquals(202, repair.status(), repair.body());
                JsonNode audit = kernel.http().get("/api/v1/audit?resource=modules&recordId=hello").json().path("items").get(0);
                assertEquals("repair-migrations", audit.path("action").asText(), audit.toString());
            }
            KernelHarness.await(DEPLOY_BOUND, () -> "ACTIVE".equals(module().path("state").asText()), "hello never came back: " + module());
            assertEquals("3", module().path("schemaVersion").asText());
            assertEquals(409, kernel.http().post("/api/v1/modules/hello/migrations/repair", "").status(), "nothing left to repair");
            assertEquals(404, kernel.http().post("/api/v1/modules/nosuch/migrations/repair", "").status());
            KernelHarness.await(DEPLOY_BOUND, () -> kernel.http().get("/api/v1/hello/greetings").status() == 200, "hello never served again");
            assertEquals("kept across updates",
                    kernel.http().get("/api/v1/hello/greetings").json().path("items").get(0).path("text").asText());
        }

        private JsonNode module() {
            return kernel.http().get("/api/v1/modules/hello").json();
        }

        /** hello-v2 with one more migration script. */
        private static Path withScript(Path jar, String name, String sql) throws java.io.IOException {
            try (java.util.jar.JarFile source = new java.util.jar.JarFile(KernelHarness.fixture("hello-v2").toFile());
                    java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar),
                            source.getManifest())) {
                for (var entries = source.entries(); entries.hasMoreElements();) {
                    java.util.jar.JarEntry entry = entries.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                    try (var in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new java.util.jar.JarEntry("db/migration/" + name));
                out.write(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return jar;
        }

        @Test
        @Order(4)
        void aDeletedJarIsUninstalledAndItsRoutesAnswer404() throws Exception {
            kernel.undeploy("hello.jar");
            KernelHarness.await(DEPLOY_BOUND, () -> kernel.http().get("/api/v1/hello").status() == 404, "hello still answers");
            KernelHarness.await(DEPLOY_BOUND, () -> kernel.http().get("/api/v1/modules/hello").status() == 404, "module still listed");
            assertEquals("[]", kernel.http().get("/api/v1/console/contributions").json().path("pages").toString(), "its console pages are gone");
            assertEquals(404, kernel.anonymous().get("/console/modules/hello/greetings.js").status(), "and so are its files");
            kernel.awaitHealthy();
        }
    }
}
