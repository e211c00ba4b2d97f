package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Sign-in, tokens and role checks, as a client (and an attacker) sees them over HTTP. */
class IdentityIT {

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
            super(database, List.of("hello-v1"));
        }

        @Test
        void signingInGivesABearerTokenThatIdentifiesTheCaller() {
            String token = kernel.login("admin", KernelHarness.ADMIN_PASSWORD);
            assertTrue(token.startsWith("pss_"), token);
            JsonNode me = kernel.anonymous().as(token).get("/api/v1/me").json();
            assertEquals("admin", me.path("username").asText());
            assertEquals("ADMIN", me.path("roles").get(0).asText());
        }

        @Test
        void protectedRoutesAnswer401WithoutAValidTokenAndNeverRunThePlugin() {
            Http.Result none = kernel.anonymous().get("/api/v1/modules");
            assertEquals(401, none.status());
            assertEquals("unauthenticated", none.json().path("error").path("code").asText());
            assertEquals("Bearer", none.header("WWW-Authenticate"));
            assertEquals(401, kernel.anonymous().as("pss_forged0000000000000000000000000000000000000").get("/api/v1/me").status());
            assertEquals(401, kernel.anonymous().as("not-even-a-token").get("/api/v1/me").status());
            assertEquals(200, kernel.anonymous().get("/api/v1/health").status(), "health stays public");
        }

        @Test
        void crossOriginAccessIsClosedByDefault() {
            Http.Result preflight = kernel.anonymous().send(java.net.http.HttpRequest.newBuilder(kernel.http().uri("/api/v1/me"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://anywhere.example").header("Access-Control-Request-Method", "GET"));
            assertEquals(403, preflight.status());
            Http.Result read = kernel.anonymous().send(java.net.http.HttpRequest.newBuilder(kernel.http().uri("/api/v1/health"))
                    .header("Origin", "https://anywhere.example").GET());
            assertEquals(null, read.header("Access-Control-Allow-Origin"));
        }

        @Test
        void wrongPasswordsAndUnknownUsersGetTheSameAnswer() {
            Http.Result wrong = kernel.anonymous().post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"nope-nope-nope\"}");
            Http.Result unknown = kernel.anonymous().post("/api/v1/auth/login", "{\"username\":\"ghost\",\"password\":\"nope-nope-nope\"}");
            assertEquals(401, wrong.status());
            assertEquals(401, unknown.status());
            assertEquals(wrong.json().path("error").path("message"), unknown.json().path("error").path("message"));
        }

        @Test
        void repeatedFailedSignInsAreThrottledWithRetryAfter() {
            String body = "{\"username\":\"throttled-user\",\"password\":\"wrong-password\"}";
            for (int i = 0; i < 5; i++) {
                assertEquals(401, kernel.anonymous().post("/api/v1/auth/login", body).status());
            }
            Http.Result throttled = kernel.anonymous().post("/api/v1/auth/login", body);
            assertEquals(429, throttled.status(), throttled.body());
            assertEquals("too_many_attempts", throttled.json().path("error").path("code").asText());
            assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1);
        }

        @Test
        void signingOutRevokesTheTokenAtOnce() {
            Http session = kernel.anonymous().as(kernel.login("admin", KernelHarness.ADMIN_PASSWORD));
            assertEquals(200, session.get("/api/v1/me").status());
            assertEquals(204, session.post("/api/v1/auth/logout", "").status());
            assertEquals(401, session.get("/api/v1/me").status());
        }

        @Test
        void anApiTokenIsShownOnceListedWithoutItselfAndRevocable() {
            Http.Result created = kernel.http().post("/api/v1/tokens", "{\"name\":\"crm sync\",\"expiresInDays\":30}");
            assertEquals(201, created.status(), created.body());
            String token = created.json().path("token").asText();
            assertTrue(token.startsWith("psa_"), token);
            assertEquals(200, kernel.anonymous().as(token).get("/api/v1/me").status());

            Http.Result listed = kernel.http().get("/api/v1/tokens");
            assertFalse(listed.body().contains(token), "the token is never shown again");
            assertFalse(listed.body().contains("digest"), listed.body());

            long id = created.json().path("id").asLong();
            assertEquals(204, kernel.http().delete("/api/v1/tokens/" + id).status());
            assertEquals(401, kernel.anonymous().as(token).get("/api/v1/me").status());
            assertEquals(404, kernel.http().delete("/api/v1/tokens/" + id).status(), "revoking twice finds nothing to revoke");
        }

        @Test
        void aRouteNeedingARoleAnswers403ToOtherRolesAndADeactivatedUserIsLockedOutAtOnce() {
            Http.Result created = kernel.http().post("/api/v1/users",
                    "{\"username\":\"rep.li\",\"displayName\":\"Li Na\",\"password\":\"a-long-password-1\",\"roles\":[\"REP\"]}");
            assertEquals(201, created.status(), created.body());
            assertFalse(created.body().contains("password"), "no hash, no password: " + created.body());
            Http rep = kernel.anonymous().as(kernel.login("rep.li", "a-long-password-1"));
            Http.Result forbidden = rep.post("/api/v1/users", "{}");
            assertEquals(403, forbidden.status());
            assertEquals("forbidden", forbidden.json().path("error").path("code").asText());
            JsonNode visible = rep.get("/api/v1/users").json().path("items");
            assertEquals(1, visible.size(), "a rep sees only themselves: " + visible);
            assertEquals("rep.li", visible.get(0).path("username").asText());
            assertEquals(200, rep.get("/api/v1/me").status());

            assertEquals(204, kernel.http().post("/api/v1/users/" + created.json().path("id").asLong() + "/deactivate", "").status());
            assertEquals(401, rep.get("/api/v1/me").status(), "a deactivated user's tokens stop working at once");
            assertEquals(401, kernel.anonymous().post("/api/v1/auth/login",
                    "{\"username\":\"rep.li\",\"password\":\"a-long-password-1\"}").status());
        }

        @Test
        void badUserInputIsRefusedAndNothingIsCreated() {
            int before = kernel.http().get("/api/v1/users").json().path("items").size();
            Http.Result weak = kernel.http().post("/api/v1/users",
                    "{\"username\":\"X\",\"displayName\":\"\",\"password\":\"short\",\"roles\":[]}");
            assertEquals(400, weak.status());
            assertEquals(4, weak.json().path("error").path("details").path("fields").size(), weak.body());
            Http.Result massAssignment = kernel.http().post("/api/v1/users",
                    "{\"username\":\"sneaky\",\"displayName\":\"S\",\"password\":\"a-long-password-1\",\"roles\":[\"REP\"],\"active\":true,\"id\":1}");
            assertEquals(400, massAssignment.status());
            Http.Result badRole = kernel.http().post("/api/v1/users",
                    "{\"username\":\"sneaky\",\"displayName\":\"S\",\"password\":\"a-long-password-1\",\"roles\":[\"GOD\"]}");
            assertEquals(400, badRole.status());
            Http.Result taken = kernel.http().post("/api/v1/users",
                    "{\"username\":\"admin\",\"displayName\":\"A\",\"password\":\"a-long-password-1\",\"roles\":[\"REP\"]}");
            assertEquals(409, taken.status());
            assertEquals(before, kernel.http().get("/api/v1/users").json().path("items").size());
        }
    }
}
