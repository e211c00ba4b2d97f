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
            assertEquals("invalid_credentials", wrong.json().path("error").path("code").asText());
            assertEquals("用户名或密码错误。", wrong.json().path("error").path("message").asText(), "Simplified Chinese by default");
            Http anonymous = kernel.anonymous();
            Http.Result english = anonymous.send(java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/auth/login"))
                    .header("Content-Type", "application/json").header("Accept-Language", "en-US,en;q=0.9")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"ghost\",\"password\":\"nope-nope-nope\"}")));
            assertEquals(401, english.status());
            assertEquals("invalid_credentials", english.json().path("error").path("code").asText(), "the code never changes with the language");
            assertEquals("User name or password is wrong.", english.json().path("error").path("message").asText());
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
        void signInSessionsAreNotApiTokensAndCannotBeRevokedAsOne() throws Exception {
            Http session = kernel.anonymous().as(kernel.login("admin", KernelHarness.ADMIN_PASSWORD));
            long sessionId;
            try (java.sql.Connection c = kernel.database(); java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT MAX(id) FROM platform_token WHERE kind = 'SESSION'")) {
                rs.next();
                sessionId = rs.getLong(1);
            }
            for (JsonNode token : session.get("/api/v1/tokens").json().path("items")) {
                assertEquals("API", token.path("kind").asText(), "only API tokens are listed");
            }
            Http.Result revoke = session.delete("/api/v1/tokens/" + sessionId);
            assertEquals(404, revoke.status(), "a sign-in session is no API token: " + revoke.body());
            assertEquals(200, session.get("/api/v1/me").status(), "the session still works; it ends through logout");
            assertEquals(204, session.post("/api/v1/auth/logout", "").status());
            assertEquals(401, session.get("/api/v1/me").status());
        }

        @Test
        void aPasswordStoredAsPbkdf2ByAnOlderKernelSignsInAndIsUpgradedToArgon2id() throws Exception {
            Http.Result created = kernel.http().post("/api/v1/users",
                    "{\"username\":\"old.timer\",\"displayName\":\"Old Timer\",\"password\":\"a-long-password-9\",\"roles\":[\"REP\"]}");
            assertEquals(201, created.status(), created.body());
            long id = created.json().path("id").asLong();
            assertTrue(storedHash(id).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "new users get Argon2id: " + storedHash(id));
            // what a kernel before Argon2id wrote: PBKDF2-HMAC-SHA256, 600,000 iterations
            String legacy = pbkdf2("a-long-password-9");
            try (java.sql.Connection c = kernel.database();
                    java.sql.PreparedStatement ps = c.prepareStatement("UPDATE platform_user SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, legacy);
                ps.setLong(2, id);
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(401, kernel.anonymous().post("/api/v1/auth/login",
                    "{\"username\":\"old.timer\",\"password\":\"a-long-password-8\"}").status());
            assertEquals(legacy, storedHash(id), "a failed sign-in changes nothing");
            kernel.login("old.timer", "a-long-password-9");
            String upgraded = storedHash(id);
            assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "upgraded on sign-in: " + upgraded);
            kernel.login("old.timer", "a-long-password-9");
            assertEquals(upgraded, storedHash(id), "an Argon2id hash at today's cost stays as it is");
        }

        @Test
        void healthIsUpOnlyWhenSignInWorks() throws Exception {
            // a fresh kernel: sign-in needs the first administrator, created after start-up; health must wait for it
            try (KernelHarness fresh = KernelHarness.startWithoutWaiting(Database.H2)) {
                KernelHarness.await(java.time.Duration.ofSeconds(30), () -> fresh.anonymous().get("/api/v1/health").status() == 200,
                        "health never UP");
                Http.Result login = fresh.anonymous().post("/api/v1/auth/login",
                        "{\"username\":\"admin\",\"password\":\"" + KernelHarness.ADMIN_PASSWORD + "\"}");
                assertEquals(200, login.status(), "sign-in right after the first UP: " + login.body());
                assertEquals("UP", fresh.anonymous().get("/api/v1/health").json().path("signIn").asText());
            }
        }

        private String storedHash(long userId) throws java.sql.SQLException {
            try (java.sql.Connection c = kernel.database();
                    java.sql.PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM platform_user WHERE id = ?")) {
                ps.setLong(1, userId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    return rs.getString(1);
                }
            }
        }

        private static String pbkdf2(String password) throws Exception {
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 600_000, 256);
            byte[] key = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder().withoutPadding();
            return "pbkdf2-sha256$600000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
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
