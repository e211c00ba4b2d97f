package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.testing.TestClient;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;

/** The module in the real kernel (the test kit), on H2 and PostgreSQL. */
class SurveysIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDetractorIsCalledBackAfter24HoursAndOnlyTheRepAndTheirManagerSeeTheirSurveys(TestDatabase database) {
        try (TestKernel kernel = TestKernel.on(database).adjustableClock().setting("scheduler.poll.ms", "100").start()) {
            TestClient rep = kernel.userWith("rep.one", Role.REP);
            TestClient other = kernel.userWith("rep.two", Role.REP);
            long detractor = rep.post("/api/v1/${moduleId}/surveys", "{\"customer\":\"华南五金\",\"score\":3}").expect(201).path("id").asLong();
            rep.post("/api/v1/${moduleId}/surveys", "{\"customer\":\"North Star\",\"score\":10}").expect(201);
            assertEquals("validation_failed", rep.post("/api/v1/${moduleId}/surveys", "{\"customer\":\"\",\"score\":11}").errorCode());

            JsonNode score = rep.get("/api/v1/${moduleId}/score").expect(200);
            assertEquals(2, score.path("answers").asInt());
            assertEquals("0.0", score.path("nps").asText(), "one promoter, one detractor");
            assertEquals(0, other.get("/api/v1/${moduleId}/surveys").expect(200).path("items").size(), "another rep's surveys are out of scope");

            kernel.awaitEvent("${moduleId}/survey.answered", e -> e.path("payload").path("surveyId").asLong() == detractor, Duration.ofSeconds(10));
            kernel.advanceClock(Duration.ofHours(25));
            TestKernel.await(Duration.ofSeconds(15), () -> rep.get("/api/v1/notifications").json().path("items").toString().contains("华南五金"),
                    "the rep was not told to call the detractor back");
            JsonNode note = rep.get("/api/v1/notifications").json().path("items").get(0);
            assertTrue(note.path("title").asText().contains("请回访客户"), note.toString());
        }
    }
}
