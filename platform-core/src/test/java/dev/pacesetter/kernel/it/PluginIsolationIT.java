package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;

import com.fasterxml.jackson.databind.JsonNode;

/** One bad plugin never takes others down: each failure is reported on its module, and the rest serve. */
class PluginIsolationIT {

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
            super(database, List.of("hello-v1", "broken", "intruder", "badschema", "orphan", "refused"));
        }

        @Test
        void aPluginWhoseComponentThrowsOnActivateIsFailedWithTheReason() {
            JsonNode broken = module("broken");
            assertEquals("FAILED", broken.path("state").asText());
            assertTrue(broken.path("reason").asText().contains("broken on purpose: pricing service unreachable"), broken.toString());
            assertEquals(404, kernel.http().get("/api/v1/broken").status());
        }

        @Test
        void aPluginClaimingAnotherModulesResourceIsRefusedWhole() {
            JsonNode intruder = module("intruder");
            assertEquals("FAILED", intruder.path("state").asText());
            assertTrue(intruder.path("reason").asText().contains("claims /api/v1/hello, which module 'hello' owns"), intruder.toString());
            assertEquals(404, kernel.http().get("/api/v1/hello/hijack").status(), "the contested route is not served");
            assertEquals(404, kernel.http().get("/api/v1/intruder").status(), "none of the refused module's routes are served");
        }

        @Test
        void aFailingMigrationMarksItsModuleFailedAndItsRoutesNeverActivate() {
            JsonNode badschema = module("badschema");
            assertEquals("FAILED", badschema.path("state").asText());
            String reason = badschema.path("reason").asText();
            assertTrue(reason.contains("V2__broken.sql"), reason);
            assertEquals(404, kernel.http().get("/api/v1/badschema").status());
        }

        @Test
        void aPluginThatCannotResolveIsFailedNamingWhatIsMissing() {
            JsonNode orphan = module("orphan");
            assertEquals("FAILED", orphan.path("state").asText());
            assertEquals("INSTALLED", orphan.path("bundle").path("state").asText());
            assertTrue(orphan.path("reason").asText().contains("package dev.pacesetter.missing.api [1.0.0,2.0.0)"), orphan.toString());
        }

        @Test
        void aContributionTheKernelCannotUseMakesItsModuleFailedNamingItInsteadOfVanishing() {
            JsonNode refused = module("refused");
            assertEquals("FAILED", refused.path("state").asText(), refused.toString());
            String reason = refused.path("reason").asText();
            assertTrue(reason.contains("NamelessHandler") && reason.contains("Not A Kind"), reason);
            assertTrue(reason.contains("permission ids must start with 'refused.'"), "a module cannot declare another's permission: " + reason);
            assertEquals("ACTIVE", refused.path("bundle").path("state").asText());
        }

        @Test
        void theHealthyPluginKeepsServingAndHealthIsUpOnceAllHaveSettled() {
            Http.Result hello = kernel.http().get("/api/v1/hello");
            assertEquals(200, hello.status());
            assertEquals("hello", hello.json().path("greeting").asText());
            assertEquals("ACTIVE", module("hello").path("state").asText());

            Http.Result health = kernel.http().get("/api/v1/health");
            assertEquals(200, health.status(), health.body());
            assertEquals("UP", health.json().path("status").asText());
            assertEquals("FAILED", health.json().path("modules").path("broken").asText());
            assertEquals("ACTIVE", health.json().path("modules").path("hello").asText());
        }

        @Test
        void modulesListShowsIdNameDimensionVersionAndBundleState() {
            JsonNode hello = module("hello");
            assertEquals("Hello fixture", hello.path("name").asText());
            assertEquals("CUSTOM", hello.path("dimension").asText());
            assertEquals("1.0.0", hello.path("version").asText());
            assertEquals("ACTIVE", hello.path("bundle").path("state").asText());
            assertEquals("1.2", hello.path("schemaVersion").asText(), "V1, V1_1 and V1_2 applied");
            assertEquals("all", hello.path("enabledRegions").asText(), "the test kernels switch new modules on everywhere");
            assertEquals(404, kernel.http().get("/api/v1/modules/nope").status());
        }

        private JsonNode module(String id) {
            Http.Result result = kernel.http().get("/api/v1/modules/" + id);
            assertEquals(200, result.status(), result.body());
            return result.json();
        }
    }
}
