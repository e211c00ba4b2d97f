package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Each user's inbox, filled by the hello fixture when a note is saved. */
class NotificationsIT {

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
        void anInboxShowsOnlyItsOwnersNotificationsUnreadFirstWithSeverityLinkAndRule() {
            Http rep = org.as("rep1");
            rep.post("/api/v1/hello/notes", "{\"text\":\"first\"}");
            long urgentNote = rep.post("/api/v1/hello/notes", "{\"text\":\"urgent: customer waiting\"}").json().path("id").asLong();
            JsonNode inbox = rep.get("/api/v1/notifications").json();
            assertEquals(2, inbox.path("unread").asLong());
            JsonNode newest = inbox.path("items").get(0);
            assertEquals("RED", newest.path("severity").asText());
            assertEquals("/hello/notes/" + urgentNote, newest.path("link").asText());
            assertEquals("笔记已保存", newest.path("title").asText(), "rep1 reads the default language");
            assertEquals("每条笔记保存后都会通知其所有者", newest.path("rule").asText());
            assertEquals("hello", newest.path("module").asText());
            assertEquals("INFO", inbox.path("items").get(1).path("severity").asText());

            assertEquals(0, org.as("rep2").get("/api/v1/notifications").json().path("items").size(), "own inbox only");
            assertEquals(0, org.as("manager1").get("/api/v1/notifications/unread-count").json().path("unread").asLong());
            assertEquals(404, org.as("rep2").post("/api/v1/notifications/" + newest.path("id").asLong() + "/read", "").status(),
                    "someone else's notification is as good as absent");

            Http.Result read = rep.post("/api/v1/notifications/" + newest.path("id").asLong() + "/read", "");
            assertEquals(200, read.status());
            assertEquals(1, read.json().path("unread").asLong());
            JsonNode reordered = rep.get("/api/v1/notifications").json().path("items");
            assertTrue(reordered.get(0).path("unread").asBoolean(), "unread first, even when older");
            assertFalse(reordered.get(1).path("unread").asBoolean());
            assertEquals(1, rep.get("/api/v1/notifications?unread=true").json().path("items").size());

            JsonNode firstPage = rep.get("/api/v1/notifications?size=1").json();
            assertEquals(1, firstPage.path("items").size());
            assertTrue(firstPage.path("hasMore").asBoolean());
            assertEquals(400, rep.get("/api/v1/notifications?size=0").status());
            assertEquals(400, rep.get("/api/v1/notifications?page=first").status());

            assertEquals(1, rep.post("/api/v1/notifications/read-all", "").json().path("marked").asLong());
            assertEquals(0, rep.get("/api/v1/notifications/unread-count").json().path("unread").asLong());
        }

        @Test
        void aNotificationRaisedInATransactionThatRollsBackNeverAppears() {
            Http rep = org.as("rep2");
            long before = rep.get("/api/v1/notifications").json().path("items").size();
            assertEquals(500, rep.post("/api/v1/hello/notes", "{\"text\":\"rollback after publish\"}").status());
            assertEquals(before, rep.get("/api/v1/notifications").json().path("items").size());
        }
    }
}
