package dev.pacesetter.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.platform.api.Role;

/**
 * The kit as a plugin's integration test uses it, with the hello fixture (a test dependency) as the plugin under test:
 * started on each database with the plugin installed from the class path, users with roles, the module's routes and
 * their scoping, an event awaited, the clock moved, and nothing left behind.
 */
class TestKernelIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPluginOnTheClassPathRunsInARealKernelThatTheTestDrives(TestDatabase database) throws Exception {
        Path home;
        try (TestKernel kernel = TestKernel.on(database).adjustableClock().start()) {
            home = kernel.home();
            try (var bundles = Files.list(home.resolve("bundles"))) {
                assertTrue(bundles.anyMatch(p -> p.getFileName().toString().startsWith("fixture-hello-v1")),
                        "the plugin under test was installed from the class path");
            }
            assertEquals("ACTIVE", kernel.admin().get("/api/v1/modules/hello").expect(200).path("state").asText());

            TestClient rep = kernel.userWith("rep.one", Role.REP);
            TestClient other = kernel.userWith("rep.two", Role.REP);
            long id = rep.post("/api/v1/hello/notes", "{\"text\":\"来自测试工具\"}").expect(201).path("id").asLong();
            assertEquals("来自测试工具", rep.get("/api/v1/hello/notes/" + id).expect(200).path("text").asText());
            assertEquals(404, other.get("/api/v1/hello/notes/" + id).status(), "another rep's note is out of scope");
            assertEquals("forbidden", rep.get("/api/v1/audit").errorCode());
            assertEquals(401, kernel.anonymous().get("/api/v1/hello/notes").status());

            JsonNode event = kernel.awaitEvent("hello/*", e -> e.path("aggregateId").asText().equals(Long.toString(id)), Duration.ofSeconds(10));
            assertEquals("hello/note.created", event.path("topic").asText());
            assertEquals("来自测试工具", event.path("payload").path("text").asText(), event.toString());
            AssertionError missing = assertThrows(AssertionError.class,
                    () -> kernel.awaitEvent("hello/note.created", e -> false, Duration.ofMillis(300)));
            assertTrue(missing.getMessage().contains("no hello/note.created event matched"), missing.getMessage());

            kernel.advanceClock(Duration.ofDays(1));
            assertEquals("PT24H", kernel.admin().get("/api/v1/clock").expect(200).path("advancedBy").asText());
            assertTrue(kernel.log().contains("Pacesetter started"), "the kernel's log is at hand");
            assertFalse(kernel.log().contains(" ERROR "), kernel.log());
        }
        assertFalse(Files.exists(home), "the kernel's home is removed");
    }
}
