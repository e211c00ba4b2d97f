package dev.pacesetter.leads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.pacesetter.testing.TestClient;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;
import dev.pacesetter.testing.TestResponse;

/**
 * The leads plugin uninstalled and installed again over REST: its data survives, its routes go and come back, and so
 * does leadwatch, the plugin that uses its api package.
 */
class LeadsReinstallIT {

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

        Scenarios(TestDatabase database) {
            super(database);
        }

        @Test
        void uninstallingAndReinstallingThePluginKeepsItsLeads() {
            TestClient rep = org.as("rep1");
            TestResponse lead = rep.post("/api/v1/leads", "{\"personName\":\"Keep me\",\"phone\":\"13512345678\"}");
            assertEquals(201, lead.status(), lead.body());
            long id = lead.json().path("id").asLong();

            kernel.uninstallBundle(kernel.bundleId("leads"));
            TestKernel.await(Duration.ofSeconds(20), () -> rep.get("/api/v1/leads/" + id).status() == 404, "routes stayed after uninstall");

            kernel.installPlugin("leads");
            TestKernel.await(Duration.ofSeconds(20), () -> rep.get("/api/v1/leads").status() == 200, "leads never served");
            TestResponse again = rep.get("/api/v1/leads/" + id);
            assertEquals(200, again.status(), again.body());
            assertEquals("Keep me", again.json().path("personName").asText());
            assertEquals(lead.json().path("gradeExplanation"), again.json().path("gradeExplanation"), "the grade and its reason are kept too");
            TestKernel.await(Duration.ofSeconds(20), () -> kernel.admin().get("/api/v1/leadwatch/databases").status() == 200,
                    "leadwatch, which uses the leads api package, did not come back with it");
        }
    }
}
