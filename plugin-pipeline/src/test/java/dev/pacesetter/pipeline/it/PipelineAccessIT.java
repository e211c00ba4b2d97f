package dev.pacesetter.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.pacesetter.testing.AccessMatrix;
import dev.pacesetter.testing.AccessMatrix.OwnedRecord;
import dev.pacesetter.testing.PilotOrganisation;
import dev.pacesetter.testing.SharedKernels;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;
import dev.pacesetter.testing.TestResponse;

/**
 * Every pipeline route × every role, and every pipeline route on an owned record × own and foreign records, over HTTP
 * (the kit's {@link AccessMatrix}). The routes come from the API description, so a new route joins without anyone
 * editing this test; a new route with a path parameter fails here until it is given a scope check below or a reason
 * it needs none. The kernel's own routes are the kernel's AccessMatrixIT's.
 */
class PipelineAccessIT {

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

    /** Pipeline routes with path parameters that are not about owned records, and why. */
    static final Map<String, String> NOT_OWNER_SCOPED = Map.of(
            "/opportunities/{id}/conversation/objections/{objectionId}/resolve", "two parameters: the opportunity's scope is checked"
                    + " before the objection is looked up; PipelineIT resolves another rep's objection and gets 404",
            "/stage-deadlines/{stage}", "pipeline configuration for administrators and managers, not a record",
            "/tier-playbooks/{tier}", "pipeline configuration for administrators and managers: the path names a tier, not a record");

    /** The plan's stage deadline as shipped, which PipelineIT checks: put back after the care tasks are made. */
    static final String SHIPPED_STAGE_DEADLINE = "{\"within\":\"P3D\",\"rule\":\"proposal submitted and no customer feedback for 3 days:"
            + " customer care reminder\"}";

    abstract static class Matrix extends PipelineScenarios {

        private final Map<String, Deque<Long>> tasks = new HashMap<>();

        Matrix(TestDatabase database) {
            super(database);
        }

        /** Its own: the scope checks make records by the hundred for rep1 and rep2, which would crowd the shared ones' lists. */
        @Override
        protected PilotOrganisation organisation(SharedKernels kernels) {
            return PilotOrganisation.create(kernel);
        }

        @Test
        void everyPipelineRouteAnswersEveryRoleAsItDeclares() {
            AccessMatrix matrix = new AccessMatrix(kernel, org, "pipeline");
            assertTrue(matrix.routes().size() > 30, "the pipeline routes: " + matrix.routes());
            List<String> wrong = matrix.roleProblems();
            assertTrue(wrong.isEmpty(), wrong.size() + " cell(s) of the matrix are wrong:\n" + String.join("\n", wrong));
        }

        @Test
        void everyPipelineRouteOnAnOwnedRecordAnswers404OutsideTheCallersScope() {
            Map<String, OwnedRecord> scoped = Map.ofEntries(
                    Map.entry("GET /accounts/{id}", new OwnedRecord(this::account)),
                    Map.entry("GET /contacts/{id}", new OwnedRecord(this::contact)),
                    Map.entry("GET /accounts/{id}/orders", new OwnedRecord(this::account)),
                    Map.entry("POST /accounts/{id}/orders", new OwnedRecord(this::account, "{\"amount\":{\"amount\":\"10\",\"currency\":\"CNY\"}}", 201)),
                    Map.entry("GET /accounts/{id}/tier", new OwnedRecord(this::account)),
                    Map.entry("GET /accounts/{id}/health", new OwnedRecord(this::account)),
                    Map.entry("GET /opportunities/{id}", new OwnedRecord(this::opportunity)),
                    Map.entry("POST /opportunities/{id}/stage", new OwnedRecord(this::opportunity, "{\"stage\":\"PROPOSAL_SUBMITTED\"}")),
                    Map.entry("GET /opportunities/{id}/activities", new OwnedRecord(this::opportunity)),
                    Map.entry("GET /opportunities/{id}/conversation", new OwnedRecord(this::opportunity)),
                    Map.entry("PUT /opportunities/{id}/conversation", new OwnedRecord(this::opportunity, "{\"needs\":{\"what\":\"matrix\"}}")),
                    Map.entry("POST /opportunities/{id}/conversation/objections", new OwnedRecord(this::opportunity, "{\"objection\":\"matrix\"}", 201)),
                    Map.entry("POST /opportunities/{id}/activities", new OwnedRecord(this::opportunity, "{\"kind\":\"DEMO\"}", 201)),
                    Map.entry("POST /tasks/{id}/done", new OwnedRecord(this::task)),
                    Map.entry("POST /tasks/{id}/snooze", new OwnedRecord(this::task, "{\"until\":\"2999-01-01T00:00:00Z\"}")));
            List<String> wrong = new AccessMatrix(kernel, org, "pipeline").scopeProblems(scoped, NOT_OWNER_SCOPED);
            assertTrue(wrong.isEmpty(), wrong.size() + " scope check(s) failed:\n" + String.join("\n", wrong));
        }

        long account(String owner) {
            TestResponse created = org.as(owner).post("/api/v1/accounts", "{\"name\":\"account of " + owner + "\",\"contacts\":[{\"name\":\"Buyer\"}]}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        long contact(String owner) {
            return org.as(owner).get("/api/v1/accounts/" + account(owner)).json().path("contacts").get(0).path("id").asLong();
        }

        long opportunity(String owner) {
            TestResponse created = org.as(owner).post("/api/v1/opportunities", "{\"accountId\":" + account(owner) + ",\"name\":\"deal of " + owner
                    + "\",\"amount\":{\"amount\":\"1000\",\"currency\":\"CNY\"}}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        /**
         * A customer-care task of {@code owner}'s: a proposal whose one-second stage deadline passed. Made twenty at a
         * time, so the matrix waits for deadlines once per owner rather than once per call.
         */
        long task(String owner) {
            Deque<Long> ready = tasks.computeIfAbsent(owner, o -> new ArrayDeque<>());
            if (ready.isEmpty()) {
                Set<Long> opportunities = new HashSet<>();
                kernel.admin().put("/api/v1/stage-deadlines/PROPOSAL_SUBMITTED", "{\"within\":\"PT1S\",\"rule\":\"matrix\"}").expect(200);
                try {
                    for (int i = 0; i < 20; i++) {
                        long id = opportunity(owner);
                        assertEquals(200, org.as(owner).post("/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"PROPOSAL_SUBMITTED\"}").status());
                        opportunities.add(id);
                    }
                } finally {
                    kernel.admin().put("/api/v1/stage-deadlines/PROPOSAL_SUBMITTED", SHIPPED_STAGE_DEADLINE).expect(200);
                }
                TestKernel.await(Duration.ofSeconds(20), () -> {
                    ready.clear();
                    org.as(owner).get("/api/v1/tasks").json().path("items").forEach(t -> {
                        if (opportunities.contains(t.path("opportunityId").asLong())) {
                            ready.add(t.path("id").asLong());
                        }
                    });
                    return ready.size() == opportunities.size();
                }, "the care tasks of " + owner + " did not appear");
            }
            return ready.pop();
        }
    }
}
