package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The leads plugin uploaded, uninstalled and installed again over REST: its data survives, its routes go and come back. */
class LeadsReinstallIT {

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
            super(database, List.of());
        }

        @Test
        void uninstallingAndReinstallingThePluginKeepsItsLeads() throws Exception {
            Http admin = kernel.http();
            long bundle = install();
            Http.Result lead = org.as("rep1").post("/api/v1/leads", "{\"personName\":\"Keep me\",\"phone\":\"13512345678\"}");
            assertEquals(201, lead.status(), lead.body());
            long id = lead.json().path("id").asLong();

            assertEquals(204, admin.delete("/api/v1/bundles/" + bundle).status());
            KernelHarness.await(Duration.ofSeconds(20), () -> org.as("rep1").get("/api/v1/leads/" + id).status() == 404, "routes stayed after uninstall");

            install();
            Http.Result again = org.as("rep1").get("/api/v1/leads/" + id);
            assertEquals(200, again.status(), again.body());
            assertEquals("Keep me", again.json().path("personName").asText());
            assertEquals(lead.json().path("gradeExplanation"), again.json().path("gradeExplanation"), "the grade and its reason are kept too");
        }

        private long install() throws Exception {
            Http.Result installed = kernel.http().call("POST", "/api/v1/bundles", "application/java-archive",
                    Files.readAllBytes(KernelHarness.fixture("plugin-leads")));
            assertEquals(201, installed.status(), installed.body());
            KernelHarness.await(Duration.ofSeconds(20), () -> org.as("rep1").get("/api/v1/leads").status() == 200, "leads never served");
            return installed.json().path("id").asLong();
        }
    }
}
