package dev.pacesetter.leads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.testing.AccessMatrix;
import dev.pacesetter.testing.AccessMatrix.OwnedRecord;
import dev.pacesetter.testing.PilotOrganisation;
import dev.pacesetter.testing.SharedKernels;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestResponse;

/**
 * Every leads route × every role, and every leads route on an owned record × own and foreign records, over HTTP (the
 * kit's {@link AccessMatrix}). The routes come from the API description, so a new route joins without anyone editing
 * this test; a new route with a path parameter fails here until it is given a scope check below or a reason it needs
 * none. The kernel's own routes are the kernel's AccessMatrixIT's.
 */
class LeadsAccessIT {

    @Nested
    class OnH2 extends Matrix {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgres extends Matrix {
        OnPostgres() {
            super(TestDatabase.POSTGRES);
        }
    }

    /** Leads routes with path parameters that are not about owned records, and why. */
    static final Map<String, String> NOT_OWNER_SCOPED = Map.of(
            "/channels/{id}", "lead channels are a shared vocabulary; only administrators and marketing change them",
            "/lead-tags/{id}", "the shared tag vocabulary; only administrators and marketing change it",
            "/lead-assignment-rules/{id}", "assignment rules are configuration for administrators and managers",
            "/grading-rules/{version}", "grading rule sets are shared configuration, read by everyone who works leads",
            "/follow-up-policies/{grade}", "follow-up policies are configuration for administrators and managers",
            "/leads/imports/{id}", "an import is seen by the one who started it and by administrators (reps cannot import);"
                    + " LeadImportIT checks that another importer gets 404",
            "/leads/imports/{id}/errors", "as /leads/imports/{id}",
            "/leads/{id}/assign", "its body names the new owner; LeadsIT checks that another team's manager gets 404 and that a"
                    + " manager cannot give a lead to someone outside their scope");

    abstract static class Matrix extends LeadsScenarios {

        Matrix(TestDatabase database) {
            super(database);
        }

        /** Its own: the scope checks make records by the hundred for rep1 and rep2, which would crowd the shared ones' lists. */
        @Override
        protected PilotOrganisation organisation(SharedKernels kernels) {
            return PilotOrganisation.create(kernel);
        }

        @Test
        void everyLeadsRouteAnswersEveryRoleAsItDeclares() {
            AccessMatrix matrix = new AccessMatrix(kernel, org, "leads");
            assertTrue(matrix.routes().size() > 30, "the leads routes: " + matrix.routes());
            List<String> wrong = matrix.roleProblems();
            assertTrue(wrong.isEmpty(), wrong.size() + " cell(s) of the matrix are wrong:\n" + String.join("\n", wrong));
        }

        @Test
        void everyLeadsRouteOnAnOwnedRecordAnswers404OutsideTheCallersScope() {
            Map<String, OwnedRecord> scoped = Map.of(
                    "GET /leads/{id}", new OwnedRecord(this::lead),
                    "GET /leads/{id}/history", new OwnedRecord(this::lead),
                    "POST /leads/{id}/qualify", new OwnedRecord(this::lead),
                    "POST /leads/{id}/disqualify", new OwnedRecord(this::lead, "{\"reason\":\"matrix\"}"),
                    "POST /leads/{id}/convert", new OwnedRecord(this::qualifiedLead, "{}"),
                    "PUT /leads/{id}", new OwnedRecord(this::lead, "{\"version\":1,\"tags\":[]}"),
                    "POST /leads/{id}/touches", new OwnedRecord(this::lead, "{\"kind\":\"CALL\",\"outcome\":\"REACHED\"}", 201),
                    "GET /leads/{id}/touches", new OwnedRecord(this::lead),
                    "GET /leads/{id}/follow-ups", new OwnedRecord(this::lead));
            List<String> wrong = new AccessMatrix(kernel, org, "leads").scopeProblems(scoped, NOT_OWNER_SCOPED);
            assertTrue(wrong.isEmpty(), wrong.size() + " scope check(s) failed:\n" + String.join("\n", wrong));
        }

        @Test
        void aRepeatedWebFormNamesTheLeadOnlyToThoseWhoMayReadIt() {
            for (String owner : List.of("rep1", "rep2")) {
                String email = "form-matrix-" + org.username(owner) + "@example.com";
                TestResponse lead = org.as(owner).post("/api/v1/leads", "{\"personName\":\"Form owner " + owner + "\",\"email\":\"" + email + "\"}");
                assertEquals(201, lead.status(), lead.body());
                long id = lead.json().path("id").asLong();
                for (PilotOrganisation.Persona persona : org.all()) {
                    if (persona.roles().stream().noneMatch(r -> r == Role.INTEGRATOR || r == Role.MARKETING || r == Role.ADMIN)) {
                        continue;
                    }
                    TestResponse repeat = persona.client().post("/api/v1/leads/web-form", "{\"personName\":\"x\",\"email\":\"" + email + "\"}");
                    assertEquals(202, repeat.status(), persona.name() + ": " + repeat.body());
                    assertEquals("received", repeat.json().path("status").asText());
                    assertTrue(!repeat.body().contains("Form owner"), persona.name() + " learnt the name: " + repeat.body());
                    assertEquals(org.sees(persona.name(), owner), repeat.json().has("id"), persona.name() + " about " + owner + "'s lead: "
                            + repeat.body());
                    if (repeat.json().has("id")) {
                        assertEquals(id, repeat.json().path("id").asLong());
                    }
                }
            }
        }

        long lead(String owner) {
            TestResponse created = org.as(owner).post("/api/v1/leads?allowDuplicate=true", "{\"personName\":\"lead of " + owner
                    + "\",\"phone\":\"13900000000\"}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        long qualifiedLead(String owner) {
            long id = lead(owner);
            assertEquals(200, org.as(owner).post("/api/v1/leads/" + id + "/qualify", "").status());
            return id;
        }
    }
}
