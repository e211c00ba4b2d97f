package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Regions, teams and users over REST, and the audit trail every change leaves. */
class OrganisationIT {

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
            super(database, List.of("hello-v1"));
        }

        @Test
        void administratorsShapeRegionsAndTeamsAndEveryoneReadsThem() {
            Http admin = kernel.http();
            Http.Result east = admin.post("/api/v1/regions", "{\"code\":\"east-china\",\"name\":\"East China\"}");
            assertEquals(201, east.status(), east.body());
            assertEquals("/api/v1/regions/" + east.json().path("id").asLong(), east.header("Location"));
            assertEquals(409, admin.post("/api/v1/regions", "{\"code\":\"east-china\",\"name\":\"Again\"}").status());
            assertEquals(400, admin.post("/api/v1/regions", "{\"code\":\"East China!\",\"name\":\"x\"}").status());
            Http.Result notAManager = admin.post("/api/v1/regions", "{\"code\":\"west-china\",\"name\":\"West\",\"managerId\":" + org.id("rep1") + "}");
            assertEquals(400, notAManager.status());
            assertEquals("managerId", notAManager.json().path("error").path("details").path("fields").get(0).path("field").asText());
            assertEquals(403, org.as("manager1").post("/api/v1/regions", "{\"code\":\"north-east\",\"name\":\"NE\"}").status());

            long eastId = east.json().path("id").asLong();
            Http.Result team = admin.post("/api/v1/teams", "{\"regionId\":" + eastId + ",\"name\":\"Shanghai C\",\"managerId\":" + org.id("manager2") + "}");
            assertEquals(201, team.status(), team.body());
            assertEquals(409, admin.post("/api/v1/teams", "{\"regionId\":" + eastId + ",\"name\":\"Shanghai C\"}").status());
            Http.Result nowhere = admin.post("/api/v1/teams", "{\"regionId\":987654,\"name\":\"Ghost\"}");
            assertEquals(400, nowhere.status());
            assertEquals("regionId", nowhere.json().path("error").path("details").path("fields").get(0).path("field").asText());

            JsonNode teams = org.as("rep1").get("/api/v1/teams?regionId=" + eastId).json().path("items");
            assertEquals(1, teams.size());
            assertEquals("Shanghai C", teams.get(0).path("name").asText());
            assertEquals(400, org.as("rep1").get("/api/v1/teams?regionId=east").status());
            assertTrue(org.as("rep1").get("/api/v1/regions").body().contains("east-china"));
            assertEquals(404, org.as("rep1").get("/api/v1/regions/987654").status());

            Http.Result renamed = admin.put("/api/v1/regions/" + eastId, "{\"name\":\"East China (pilot)\"}");
            assertEquals(200, renamed.status());
            assertEquals("east-china", renamed.json().path("code").asText(), "the code is the stable key");
            Http.Result changedCode = admin.put("/api/v1/regions/" + eastId, "{\"name\":\"x\",\"code\":\"renamed\"}");
            assertEquals(400, changedCode.status(), "code cannot change");
            assertTrue(changedCode.body().contains("east-china"), changedCode.body());
            Http.Result asRead = admin.put("/api/v1/regions/" + eastId, "{\"code\":\"east-china\",\"name\":\"East China\"}");
            assertEquals(200, asRead.status(), "the code as it was read is accepted: " + asRead.body());
            Http.Result managerOnly = admin.put("/api/v1/regions/" + eastId, "{\"managerId\":" + org.id("manager2") + "}");
            assertEquals(200, managerOnly.status(), "a manager is set without repeating the name: " + managerOnly.body());
            assertEquals("East China", managerOnly.json().path("name").asText());
            assertEquals(org.id("manager2"), managerOnly.json().path("managerId").asLong());
            assertEquals(200, admin.put("/api/v1/regions/" + eastId, "{}").status());
            assertTrue(admin.get("/api/v1/regions/" + eastId).json().path("managerId").isNull(), "left out: no regional manager");
        }

        @Test
        void usersAreChangedNeverDeletedAndABodyCannotSetWhatTheRouteDoesNotTake() {
            Http admin = kernel.http();
            Http.Result created = admin.post("/api/v1/users", "{\"username\":\"wang.fang\",\"displayName\":\"Wang Fang\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\"],\"teamId\":" + org.teamSouth + "}");
            assertEquals(201, created.status(), created.body());
            long id = created.json().path("id").asLong();
            for (String field : List.of("\"id\":1", "\"active\":false", "\"passwordHash\":\"x\"", "\"username\":\"other\"")) {
                Http.Result sneaky = admin.put("/api/v1/users/" + id, "{\"displayName\":\"W\",\"roles\":[\"REP\"],\"teamId\":null," + field + "}");
                assertEquals(400, sneaky.status(), field + " -> " + sneaky.body());
            }
            Http.Result badRole = admin.put("/api/v1/users/" + id, "{\"displayName\":\"W\",\"roles\":[\"KING\"],\"teamId\":null}");
            assertEquals(400, badRole.status(), badRole.body());
            Http.Result badTeam = admin.put("/api/v1/users/" + id, "{\"displayName\":\"W\",\"roles\":[\"REP\"],\"teamId\":987654}");
            assertEquals(400, badTeam.status());
            assertEquals("Wang Fang", admin.get("/api/v1/users/" + id).json().path("displayName").asText(), "nothing changed");

            Http.Result promoted = admin.put("/api/v1/users/" + id, "{\"displayName\":\"Wang Fang\",\"roles\":[\"REP\",\"MANAGER\"],\"teamId\":"
                    + org.teamNorth + "}");
            assertEquals(200, promoted.status(), promoted.body());
            assertEquals(List.of("MANAGER", "REP"), List.of(promoted.json().path("roles").get(0).asText(), promoted.json().path("roles").get(1).asText()));

            assertEquals(204, admin.post("/api/v1/users/" + id + "/deactivate", "").status());
            assertFalse(admin.get("/api/v1/users/" + id).json().path("active").asBoolean(), "deactivated, still listed");
            assertEquals(200, admin.post("/api/v1/users/" + id + "/reactivate", "").status());
            assertEquals(200, kernel.anonymous().post("/api/v1/auth/login", "{\"username\":\"wang.fang\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\"}").status());

            long adminId = org.id("admin");
            assertEquals(409, admin.put("/api/v1/users/" + adminId, "{\"displayName\":\"Administrator\",\"roles\":[\"REP\"],\"teamId\":null}").status(),
                    "an administrator cannot lock themselves out");
        }

        @Test
        void peopleMovingArePublishedAsPlatformEventsAndReadableThroughTheOrganisationViews() throws Exception {
            Http admin = kernel.http();
            long before;
            try (java.sql.Connection c = kernel.database(); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM platform_event")) {
                rs.next();
                before = rs.getLong(1);
            }
            Http.Result created = admin.post("/api/v1/users", "{\"username\":\"li.na\",\"displayName\":\"李娜\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"REP\",\"MANAGER\"],\"teamId\":" + org.teamSouth + ",\"hireDate\":\"2026-03-02\"}");
            assertEquals(201, created.status(), created.body());
            long id = created.json().path("id").asLong();
            assertEquals("2026-03-02", admin.get("/api/v1/users/" + id).json().path("hireDate").asText());
            assertEquals(200, admin.put("/api/v1/users/" + id, "{\"displayName\":\"李娜\",\"roles\":[\"REP\",\"MANAGER\"],\"teamId\":"
                    + org.teamNorth + "}").status());
            assertEquals(204, admin.post("/api/v1/users/" + id + "/deactivate", "").status());
            assertEquals(200, admin.post("/api/v1/users/" + id + "/reactivate", "").status());
            long north = admin.get("/api/v1/teams/" + org.teamNorth).json().path("regionId").asLong();
            assertEquals(200, admin.put("/api/v1/teams/" + org.teamNorth, "{\"regionId\":" + north + ",\"name\":\"Beijing B\",\"managerId\":" + id + "}")
                    .status());
            try (java.sql.Connection c = kernel.database()) {
                List<String> topics = new java.util.ArrayList<>();
                List<JsonNode> payloads = new java.util.ArrayList<>();
                try (var ps = c.prepareStatement("SELECT topic, payload FROM platform_event WHERE module_id = 'platform' AND seq > ?"
                        + " AND (topic LIKE 'platform/user.%' AND aggregate_id = ? OR topic = 'platform/team.manager-changed' AND aggregate_id = ?)"
                        + " ORDER BY seq")) {
                    ps.setLong(1, before);
                    ps.setString(2, Long.toString(id));
                    ps.setString(3, Long.toString(org.teamNorth));
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            topics.add(rs.getString(1));
                            payloads.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rs.getString(2)));
                        }
                    }
                }
                assertEquals(List.of("platform/user.created", "platform/user.moved", "platform/user.deactivated", "platform/user.reactivated",
                        "platform/team.manager-changed"), topics, "one event per change, in order, in the transaction of the change");
                JsonNode moved = payloads.get(1);
                assertEquals(org.teamSouth, moved.path("previousTeamId").asLong(), moved.toString());
                assertEquals(org.teamNorth, moved.path("person").path("teamId").asLong(), moved.toString());
                assertEquals(north, moved.path("person").path("regionId").asLong(), moved.toString());
                assertEquals(org.id("manager2"), moved.path("person").path("managerId").asLong(), "their new team's manager: " + moved);
                assertEquals("2026-03-02", moved.path("person").path("hireDate").asText(), moved.toString());
                assertFalse(payloads.get(2).path("person").path("active").asBoolean());
                JsonNode manager = payloads.get(4);
                assertEquals(id, manager.path("team").path("managerId").asLong(), manager.toString());
                assertEquals(org.id("manager2"), manager.path("previousManagerId").asLong(), manager.toString());
                // the read-only view plugins join: region through the team, manager of the team
                try (var ps = c.prepareStatement("SELECT u.region_id, u.manager_id, u.hire_date, r.role FROM org_user_v1 u"
                        + " JOIN org_user_role_v1 r ON r.user_id = u.id WHERE u.id = ? ORDER BY r.role")) {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(north, rs.getLong(1));
                        assertEquals(id, rs.getLong(2));
                        assertEquals(java.time.LocalDate.of(2026, 3, 2), rs.getDate(3).toLocalDate());
                        assertEquals("MANAGER", rs.getString(4));
                    }
                }
            } finally {
                assertEquals(200, admin.put("/api/v1/teams/" + org.teamNorth, "{\"regionId\":" + north + ",\"name\":\"Beijing B\",\"managerId\":"
                        + org.id("manager2") + "}").status());
            }
        }

        @Test
        void everyKindOfChangeLeavesAnAuditRowWithBeforeAndAfterAndNoSecrets() {
            Http admin = kernel.http();
            Instant start = Instant.now().minusSeconds(1);
            long id = admin.post("/api/v1/users", "{\"username\":\"audited\",\"displayName\":\"Audited\",\"password\":\"" + PilotOrganisation.PASSWORD
                    + "\",\"roles\":[\"REP\"]}").json().path("id").asLong();
            admin.put("/api/v1/users/" + id, "{\"displayName\":\"Audited Twice\",\"roles\":[\"REP\"],\"teamId\":" + org.teamSouth + "}");
            Http audited = kernel.anonymous().as(kernel.login("audited", PilotOrganisation.PASSWORD));
            Http.Result token = audited.post("/api/v1/tokens", "{\"name\":\"crm sync\"}");
            long note = audited.post("/api/v1/hello/notes", "{\"text\":\"first\"}").json().path("id").asLong();
            audited.put("/api/v1/hello/notes/" + note, "{\"text\":\"second\"}");
            audited.delete("/api/v1/hello/notes/" + note);

            JsonNode userRows = admin.get("/api/v1/audit?resource=users&recordId=" + id).json().path("items");
            assertEquals(List.of("update", "create"), actions(userRows));
            JsonNode update = userRows.get(0);
            assertEquals("Audited", update.path("before").path("displayName").asText());
            assertEquals("Audited Twice", update.path("after").path("displayName").asText());
            assertEquals("platform", update.path("module").asText());
            assertEquals("admin", update.path("username").asText());
            assertFalse(update.path("correlationId").asText().isEmpty());

            JsonNode noteRows = admin.get("/api/v1/audit?module=hello&user=audited").json().path("items");
            assertEquals(List.of("delete", "update", "create"), actions(noteRows));
            assertEquals("first", noteRows.get(1).path("before").path("text").asText());
            assertEquals("second", noteRows.get(1).path("after").path("text").asText());
            assertEquals("second", noteRows.get(0).path("before").path("text").asText());

            JsonNode mine = admin.get("/api/v1/audit?user=audited&from=" + start).json().path("items");
            assertTrue(actions(mine).containsAll(List.of("sign_in", "create")), actions(mine).toString());
            String everything = admin.get("/api/v1/audit?limit=500").body();
            assertFalse(everything.contains(PilotOrganisation.PASSWORD), "no password in the trail");
            assertFalse(everything.contains(token.json().path("token").asText()), "no token in the trail");
            assertFalse(everything.contains("pbkdf2"), "no password hash in the trail");
        }

        @Test
        void aChangeThatFailsLeavesNoAuditRowAndNoChange() {
            Http rep = org.as("rep1");
            long note = rep.post("/api/v1/hello/notes", "{\"text\":\"keep me\"}").json().path("id").asLong();
            Http.Result failed = rep.put("/api/v1/hello/notes/" + note, "{\"text\":\"fail after audit\"}");
            assertEquals(500, failed.status());
            assertEquals("keep me", rep.get("/api/v1/hello/notes/" + note).json().path("text").asText());
            JsonNode rows = kernel.http().get("/api/v1/audit?module=hello&recordId=" + note).json().path("items");
            assertEquals(List.of("create"), actions(rows), "the audit row rolled back with the change");
        }

        @Test
        void theTrailIsPagedFilteredAndForAdministratorsOnly() {
            Http admin = kernel.http();
            for (int i = 0; i < 5; i++) {
                org.as("rep2").post("/api/v1/hello/notes", "{\"text\":\"page " + i + "\"}");
            }
            Set<Long> seen = new HashSet<>();
            String next = "";
            int pages = 0;
            do {
                JsonNode page = admin.get("/api/v1/audit?user=rep2&limit=2" + (next.isEmpty() ? "" : "&before=" + next)).json();
                page.path("items").forEach(row -> assertTrue(seen.add(row.path("id").asLong()), "no row twice"));
                next = page.path("nextBefore").isNull() ? "" : page.path("nextBefore").asText();
                pages++;
            } while (!next.isEmpty() && pages < 20);
            assertTrue(seen.size() >= 5 && pages >= 3, seen.size() + " rows in " + pages + " pages");
            assertEquals(0, admin.get("/api/v1/audit?from=" + Instant.now().plusSeconds(3600)).json().path("items").size());
            assertEquals(400, admin.get("/api/v1/audit?limit=0").status());
            assertEquals(400, admin.get("/api/v1/audit?from=yesterday").status());
            assertEquals(403, org.as("hr1").get("/api/v1/audit").status());
            assertEquals(405, admin.delete("/api/v1/audit").status(), "there is no way to change the trail");
        }

        @Test
        void administratorsChooseWhoHoldsAModulesPermissionByRoleAndByName() {
            Http admin = kernel.http();
            long repId = userWith(admin, "perm.rep", "REP");
            userWith(admin, "perm.manager", "MANAGER");
            Http rep = kernel.anonymous().as(kernel.login("perm.rep", PilotOrganisation.PASSWORD));
            Http manager = kernel.anonymous().as(kernel.login("perm.manager", PilotOrganisation.PASSWORD));

            JsonNode archive = permission(admin, "hello.archive");
            assertEquals("hello", archive.path("module").asText());
            assertEquals("打开问候归档", archive.path("title").asText(), "titled from the module's own message files");
            assertEquals("[\"MANAGER\"]", archive.path("defaultRoles").toString());
            assertEquals("[\"MANAGER\"]", archive.path("roles").toString());
            assertFalse(archive.path("customised").asBoolean());
            assertEquals("[]", permission(admin, "hello.purge").path("defaultRoles").toString(), "a permission may need a grant by name");

            Http.Result refused = rep.get("/api/v1/hello/archive");
            assertEquals(403, refused.status(), refused.body());
            assertEquals("hello.archive", refused.json().path("error").path("details").path("requiredPermission").asText());
            assertTrue(refused.json().path("error").path("message").asText().contains("hello.archive"), refused.body());
            assertFalse(manager.get("/api/v1/hello/archive").json().path("mayPurge").asBoolean(), "managers hold archive by default, not purge");
            assertTrue(admin.get("/api/v1/hello/archive").json().path("mayPurge").asBoolean(), "administrators hold every permission");

            Http.Result granted = admin.put("/api/v1/permissions/hello.archive/users/" + repId, "");
            assertEquals(200, granted.status(), granted.body());
            assertEquals("[" + repId + "]", granted.json().path("userIds").toString());
            assertEquals(200, rep.get("/api/v1/hello/archive").status(), "a grant by name applies to the next request");
            assertEquals("[\"hello.archive\"]", rep.get("/api/v1/me/permissions").json().path("permissions").toString());

            Http.Result nobody = admin.put("/api/v1/permissions/hello.archive/roles", "{\"roles\":[]}");
            assertEquals(200, nobody.status(), nobody.body());
            assertTrue(nobody.json().path("customised").asBoolean());
            assertEquals(403, manager.get("/api/v1/hello/archive").status(), "the chosen roles replace the default ones");
            assertEquals(200, rep.get("/api/v1/hello/archive").status(), "a grant by name outlives the role choice");
            assertEquals(200, admin.put("/api/v1/permissions/hello.purge/roles", "{\"roles\":[\"REP\"]}").status());
            assertTrue(rep.get("/api/v1/hello/archive").json().path("mayPurge").asBoolean(), "a handler's own check follows the choice too");

            assertEquals(200, admin.delete("/api/v1/permissions/hello.archive/roles").status());
            assertEquals(200, manager.get("/api/v1/hello/archive").status(), "back to the default roles");
            assertEquals(200, admin.delete("/api/v1/permissions/hello.archive/users/" + repId).status());
            assertEquals(403, rep.get("/api/v1/hello/archive").status());
            assertEquals(200, admin.delete("/api/v1/permissions/hello.purge/roles").status());
            List<String> audited = actions(admin.get("/api/v1/audit?resource=permissions&limit=50").json().path("items"));
            java.util.Collections.reverse(audited); // newest first
            assertEquals(List.of("grant", "roles", "roles", "default-roles", "revoke", "default-roles"), audited, "every change audited once");

            assertEquals("permission_not_found", admin.put("/api/v1/permissions/hello.nothing/roles", "{\"roles\":[]}").json().path("error").path("code").asText());
            assertEquals(400, admin.put("/api/v1/permissions/hello.archive/roles", "{\"roles\":[\"KING\"]}").status());
            assertEquals(400, admin.put("/api/v1/permissions/hello.archive/roles", "{}").status());
            assertEquals(404, admin.put("/api/v1/permissions/hello.archive/users/987654", "").status());
            assertEquals(403, manager.get("/api/v1/permissions").status());
            assertFalse(permission(admin, "hello.archive").path("customised").asBoolean(), "nothing changed by the refused calls");
        }

        private static long userWith(Http admin, String username, String role) {
            Http.Result created = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asLong();
        }

        private static JsonNode permission(Http admin, String id) {
            for (JsonNode p : admin.get("/api/v1/permissions").json().path("items")) {
                if (p.path("id").asText().equals(id)) {
                    return p;
                }
            }
            throw new AssertionError("permission " + id + " is not listed");
        }

        static List<String> actions(JsonNode rows) {
            List<String> actions = new java.util.ArrayList<>();
            rows.forEach(row -> actions.add(row.path("action").asText()));
            return actions;
        }
    }
}
