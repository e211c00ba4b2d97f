package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A sign-in token stops working when it expires, even though verified tokens are cached. */
class TokenExpiryIT {

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
            super(database, List.of(), "--session-ttl-seconds=3");
        }

        @Test
        void aSessionTokenIsRefusedOnceItsExpiryHasPassed() throws Exception {
            Instant before = Instant.now();
            JsonNode login = kernel.anonymous().post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\""
                    + KernelHarness.ADMIN_PASSWORD + "\"}").json();
            Instant expires = Instant.parse(login.path("expiresAt").asText());
            assertTrue(!expires.isBefore(before.plusSeconds(3)) && expires.isBefore(Instant.now().plusSeconds(4)), expires.toString());
            Http session = kernel.anonymous().as(login.path("token").asText());
            assertEquals(200, session.get("/api/v1/me").status(), "valid, and now cached");
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 300);
            Http.Result expired = session.get("/api/v1/me");
            assertEquals(401, expired.status());
            assertTrue(expired.json().path("error").path("message").asText().contains("已过期"), expired.body());
        }
    }
}
