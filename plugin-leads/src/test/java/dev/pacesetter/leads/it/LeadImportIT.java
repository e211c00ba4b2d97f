package dev.pacesetter.leads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.testing.TestClient;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestResponse;

/**
 * CSV import and export of leads over HTTP against the real kernel: row errors and duplicates with their report,
 * idempotent re-import, files refused whole (broken quoting → FAILED with nothing kept; wrong header, encoding or
 * size → 4xx with nothing stored), progress, and an export that is scoped and safe to open in a spreadsheet.
 */
class LeadImportIT {

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

        private static final String HEADER = "externalId,personName,company,phone,email,intent,budgetStatus,budgetAmount,budgetCurrency,"
                + "decisionRole,owner,tags\n";

        Scenarios(TestDatabase database) {
            super(database);
        }

        private static TestResponse upload(TestClient http, String csv) {
            return upload(http, csv.getBytes(StandardCharsets.UTF_8));
        }

        private static TestResponse upload(TestClient http, byte[] csv) {
            return http.upload("POST", "/api/v1/leads/imports?fileName=leads.csv", "text/csv", csv);
        }

        /** Uploads and waits for the import to finish; returns its final state. */
        private static JsonNode imported(TestClient http, String csv) {
            TestResponse accepted = upload(http, csv);
            assertEquals(202, accepted.status(), accepted.body());
            String location = accepted.header("Location");
            assertEquals("/api/v1/leads/imports/" + accepted.json().path("id").asLong(), location);
            return awaitFinished(http, location);
        }

        private static JsonNode awaitFinished(TestClient http, String location) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (true) {
                TestResponse state = http.get(location);
                assertEquals(200, state.status(), state.body());
                String status = state.json().path("status").asText();
                if (status.equals("DONE") || status.equals("FAILED")) {
                    return state.json();
                }
                assertTrue(System.currentTimeMillis() < deadline, "import did not finish: " + state.body());
                sleep(50);
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static List<String> leadNames(TestClient http, String q) {
            List<String> names = new ArrayList<>();
            http.get("/api/v1/leads?limit=200&q=" + q).json().path("items").forEach(l -> names.add(l.path("personName").asText()));
            return names;
        }

        @Test
        void rowsWithErrorsAndDuplicatesAreReportedTheRestImportedAndAReimportChangesNothing() {
            TestResponse existing = org.as("rep1").post("/api/v1/leads", "{\"personName\":\"Existing\",\"phone\":\"+86 139 0000 2222\","
                    + "\"email\":\"Dup.Person@Example.com\"}");
            assertEquals(201, existing.status(), existing.body());
            long existingId = existing.json().path("id").asLong();
            String csv = HEADER
                    + "imp-1,Imp Zhang,Acme Ltd,13800001111,zw@acme.example,HIGH,CONFIRMED,120000.00,CNY,DECISION_MAKER," + org.username("rep1") + ",\n"
                    + "imp-2,Imp Li,,＋８６　１３９－００００－２２２２,,LOW,,,,,,\n"
                    + "imp-3,Imp Wang,,,DUP.PERSON@EXAMPLE.COM,,,,,,,\n"
                    + "imp-4,,NoName Co,13700000000,,,,,,,,\n"
                    + "imp-5,Imp Zhao,,13600000000,,SCORCHING,,,,,,\n"
                    + "imp-6,Imp Qian,,138-0000-1111,,,,,,,,\n"
                    + "imp-7,Imp Sun,\"Beta, Inc.\",13500000000,sun@beta.example,MEDIUM,UNCONFIRMED,,,DECISION_MAKER,,no such tag\n"
                    + "imp-8,Imp Zhou,Gamma,13400000000,,,,,,," + org.username("rep2") + ",\n"
                    + "imp-9,\"Imp Wu \"\"Boss\"\"\",Delta,13300000000,,,,,,,,\n";
            TestClient manager = org.as("manager1");
            JsonNode done = imported(manager, csv);
            assertEquals("DONE", done.path("status").asText(), done.toString());
            JsonNode counts = done.path("counts");
            assertEquals(9, counts.path("rowsRead").asInt(), done.toString());
            assertEquals(2, counts.path("created").asInt(), done.toString());
            assertEquals(3, counts.path("duplicates").asInt(), done.toString());
            assertEquals(4, counts.path("rejected").asInt(), done.toString());
            assertEquals(0, counts.path("unchanged").asInt(), done.toString());
            assertEquals(Set.of("Imp Zhang", "Imp Wu \"Boss\""), new HashSet<>(leadNames(org.as("admin"), "imp")));
            JsonNode zhang = org.as("rep1").get("/api/v1/leads?q=imp%20zhang").json().path("items").get(0);
            assertEquals("A", zhang.path("grade").asText(), "graded on import");
            assertEquals(org.id("rep1"), zhang.path("ownerId").asLong(), "owner column by user name");
            assertEquals("120000.00", zhang.path("budget").path("amount").asText());

            long importId = done.path("id").asLong();
            TestResponse report = manager.get("/api/v1/leads/imports/" + importId + "/errors");
            assertEquals(200, report.status(), report.body());
            assertTrue(report.header("Content-Type").startsWith("text/csv"), report.header("Content-Type"));
            assertTrue(report.header("Content-Disposition").contains("attachment"));
            String body = report.body();
            assertTrue(body.startsWith("\uFEFFrow,field,message\r\n"), body);
            // in the importer's language: manager1 reads the default, Simplified Chinese
            assertTrue(body.contains("3,phone,重复：手机号与已有线索 " + existingId + " 相同"), body);
            assertTrue(body.contains("4,email,重复：邮箱与已有线索 " + existingId + " 相同"), body);
            assertTrue(body.contains("5,personName,必填"), body);
            assertTrue(body.contains("6,intent,"), body);
            assertTrue(body.contains("7,phone,重复：手机号与本文件第 2 行相同"), body);
            assertTrue(body.contains("8,tags,"), body);
            assertTrue(body.contains("9,owner,"), body);

            assertEquals(404, org.as("marketing1").get("/api/v1/leads/imports/" + importId).status(), "someone else's import");
            assertEquals(404, org.as("marketing1").get("/api/v1/leads/imports/" + importId + "/errors").status());
            assertEquals(200, org.as("admin").get("/api/v1/leads/imports/" + importId).status(), "administrators see every import");
            assertEquals(403, org.as("rep1").get("/api/v1/leads/imports/" + importId).status());

            JsonNode again = imported(manager, csv);
            assertEquals("DONE", again.path("status").asText(), again.toString());
            assertEquals(0, again.path("counts").path("created").asInt(), again.toString());
            assertEquals(2, again.path("counts").path("unchanged").asInt(), again.toString());
            assertEquals(3, again.path("counts").path("duplicates").asInt(), again.toString());
            assertEquals(2, leadNames(org.as("admin"), "imp").size(), "nothing new");
        }

        @Test
        void chineseValuesAmountsAsWrittenAndPhonesInAnyFormatImport() {
            TestResponse existing = org.as("rep1").post("/api/v1/leads", "{\"personName\":\"Cn Existing\",\"phone\":\"+86 135 5555 0001\"}");
            assertEquals(201, existing.status(), existing.body());
            String csv = HEADER
                    + "cn-1,Cn Zhou,,13555550002,,高,已确认,147万,CNY,决策人," + org.username("rep1") + ",\n"
                    + "cn-2,Cn Wu,,0086 135 5555 0003,,中,,\"¥12,000.50\",,影响者," + org.username("rep1") + ",\n"
                    + "cn-3,Cn Zheng,,１３５５５５５０００４,,低,无,１２０００,CNY,未知," + org.username("rep1") + ",\n"
                    + "cn-4,Cn Wang,,1.2亿,,,,1.2亿,CNY,," + org.username("rep1") + ",\n"
                    + "cn-5,Cn Feng,,＋８６　１３５　５５５５　０００１,,,,,,," + org.username("rep1") + ",\n"
                    + "cn-6,Cn Chen,,13555550006,,超高,也许,很多,CNY,老板," + org.username("rep1") + ",\n"
                    + "cn-7,Cn Chu,,13555550007,,,,\"12,000\",CNY,," + org.username("rep1") + ",\n";
            JsonNode done = imported(org.as("manager1"), csv);
            assertEquals("DONE", done.path("status").asText(), done.toString());
            assertEquals(4, done.path("counts").path("created").asInt(), done.toString());
            assertEquals(1, done.path("counts").path("duplicates").asInt(), "cn-5 is the existing lead's number: " + done);
            assertEquals(2, done.path("counts").path("rejected").asInt(), done.toString());
            TestClient rep = org.as("rep1");
            JsonNode zhou = rep.get("/api/v1/leads?q=cn%20zhou").json().path("items").get(0);
            assertEquals("HIGH", zhou.path("intent").asText());
            assertEquals("CONFIRMED", zhou.path("budgetStatus").asText());
            assertEquals("DECISION_MAKER", zhou.path("decisionRole").asText());
            assertEquals("1470000.00", zhou.path("budget").path("amount").asText());
            assertEquals("A", zhou.path("grade").asText());
            JsonNode wu = rep.get("/api/v1/leads?q=cn%20wu").json().path("items").get(0);
            assertEquals("12000.50", wu.path("budget").path("amount").asText());
            assertEquals("CNY", wu.path("budget").path("currency").asText(), "¥ names the currency");
            assertEquals("CONFIRMED", wu.path("budgetStatus").asText(), "an amount without a status is a confirmed budget");
            assertEquals("INFLUENCER", wu.path("decisionRole").asText());
            assertEquals("B", wu.path("grade").asText());
            JsonNode zheng = rep.get("/api/v1/leads?q=cn%20zheng").json().path("items").get(0);
            assertEquals("12000.00", zheng.path("budget").path("amount").asText());
            assertEquals("NONE", zheng.path("budgetStatus").asText(), "an explicit status stands");
            assertEquals("12000.00", rep.get("/api/v1/leads?q=cn%20chu").json().path("items").get(0).path("budget").path("amount").asText());

            String report = org.as("manager1").get("/api/v1/leads/imports/" + done.path("id").asLong() + "/errors").body();
            assertTrue(report.contains("5,phone,"), "1.2亿 is no phone number: " + report);
            assertTrue(report.contains("6,phone,重复：手机号与已有线索 " + existing.json().path("id").asLong() + " 相同"), "in the importer's language (zh-CN): " + report);
            for (String field : List.of("7,intent,", "7,budgetStatus,", "7,budgetAmount,", "7,decisionRole,")) {
                assertTrue(report.contains(field), field + " in every problem of the row at once: " + report);
            }

            TestResponse north = org.as("rep2").post("/api/v1/leads", "{\"personName\":\"Cn North\",\"phone\":\"13555559999\"}");
            assertEquals(201, north.status(), north.body());
            assertEquals(200, org.as("marketing1").put("/api/v1/me/language", "{\"language\":\"en\"}").status());
            JsonNode probe = imported(org.as("marketing1"), HEADER + "cn-n,Cn Probe,,+86 135 5555 9999,,,,,,,,\n");
            String hidden = org.as("marketing1").get("/api/v1/leads/imports/" + probe.path("id").asLong() + "/errors").body();
            assertTrue(hidden.contains("2,phone,duplicate: same phone as an existing lead you may not see"), "in the importer's language (en): " + hidden);
            assertFalse(hidden.contains("lead " + north.json().path("id").asLong()), "north China's lead is not named to south China's marketing: " + hidden);
        }

        @Test
        void aFileBrokenMidwayFailsWholeAndKeepsNothing() {
            String csv = "personName,phone\r\nBroken One,15000000001\r\nBroken Two,15000000002\r\n\"Broken Three,15000000003\r\nBroken Four,15000000004\r\n";
            JsonNode failed = imported(org.as("manager1"), csv);
            assertEquals("FAILED", failed.path("status").asText(), failed.toString());
            assertTrue(failed.path("failure").asText().contains("第 4 行"), "names the line, in the importer's language: " + failed);
            assertNotNull(failed.path("finishedAt").asText(null));
            assertEquals(List.of(), leadNames(org.as("admin"), "broken"), "no lead from a failed file");
        }

        @Test
        void wrongHeaderEncodingOrEmptyFilesAreRefusedAtOnceAndNothingIsStored() {
            TestClient manager = org.as("manager1");
            int before = manager.get("/api/v1/leads/imports?limit=200").json().path("items").size();
            TestResponse columns = upload(manager, "personName,emial,fax\nX,x@y.cn,1\n");
            assertEquals(422, columns.status(), columns.body());
            assertEquals("invalid_columns", columns.json().path("error").path("code").asText());
            assertTrue(columns.body().contains("emial") && columns.body().contains("fax"), columns.body());
            assertEquals(422, upload(manager, "company\nAcme\n").status(), "required columns missing");

            byte[] gbk = "personName,phone\n张伟,13800000000\n".getBytes(java.nio.charset.Charset.forName("GBK"));
            TestResponse encoding = upload(manager, gbk);
            assertEquals(422, encoding.status(), encoding.body());
            assertEquals("invalid_encoding", encoding.json().path("error").path("code").asText());
            assertEquals(2, encoding.json().path("error").path("details").path("line").asInt());

            assertEquals(422, upload(manager, new byte[0]).status());
            assertEquals(422, upload(manager, "\"personName,phone\n").status(), "broken header");
            assertEquals(415, manager.upload("POST", "/api/v1/leads/imports", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(403, org.as("rep1").upload("POST", "/api/v1/leads/imports", "text/csv", "personName,phone\nX,12345\n"
                    .getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(before, manager.get("/api/v1/leads/imports?limit=200").json().path("items").size(), "no import recorded");
        }

        @Test
        void anUploadLargerThanTheLimitGets413BeforeItIsRead() throws Exception {
            String token = org.as("manager1").token();
            int port = kernel.base().getPort();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/leads/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: text/csv\r\nContent-Length: 600000000\r\nConnection: close\r\n\r\npersonName,phone\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.shutdownOutput();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 413"), response);
                assertTrue(response.contains("payload_too_large"), response);
            }
        }

        @Test
        void progressIsVisibleWhileAnImportRunsAndCountsOnlyGrow() {
            StringBuilder csv = new StringBuilder("personName,phone,email\n");
            for (int i = 0; i < 3000; i++) {
                csv.append("Bulk ").append(i).append(',').append(16000000000L + i).append(",bulk").append(i).append("@example.com\n");
            }
            TestClient importer = org.as("manager1"); // owns what they import: no assignment rule, and a team
            TestResponse accepted = upload(importer, csv.toString());
            assertEquals(202, accepted.status(), accepted.body());
            assertTrue(List.of("QUEUED", "RUNNING", "DONE").contains(accepted.json().path("status").asText()), accepted.body());
            String location = accepted.header("Location");
            int last = 0;
            String status;
            long deadline = System.currentTimeMillis() + 60_000;
            do {
                JsonNode state = importer.get(location).json();
                status = state.path("status").asText();
                int read = state.path("counts").path("rowsRead").asInt();
                assertTrue(read >= last, "rowsRead never goes back: " + read + " < " + last);
                last = read;
                sleep(10);
            } while (!status.equals("DONE") && !status.equals("FAILED") && System.currentTimeMillis() < deadline);
            JsonNode done = importer.get(location).json();
            assertEquals("DONE", done.path("status").asText(), done.toString());
            assertEquals(3000, done.path("counts").path("rowsRead").asInt());
            assertEquals(3000, done.path("counts").path("created").asInt(), done.toString());
            JsonNode list = importer.get("/api/v1/leads/imports").json().path("items");
            assertEquals(done.path("id").asLong(), list.get(0).path("id").asLong(), "newest first");
        }

        @Test
        void anExportIsScopedAndSafeToOpenInASpreadsheet() {
            TestClient rep = org.as("rep1");
            TestResponse evil = rep.post("/api/v1/leads", "{\"personName\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\",\"company\":"
                    + "\"@SUM(1+1)\",\"phone\":\"+86 131 0000 9999\",\"email\":\"evil@example.com\"}");
            assertEquals(201, evil.status(), evil.body());
            TestResponse other = org.as("rep2").post("/api/v1/leads", "{\"personName\":\"王芳 Export\",\"phone\":\"13100008888\"}");
            assertEquals(201, other.status(), other.body());

            TestResponse export = rep.get("/api/v1/leads/export");
            assertEquals(200, export.status(), export.body());
            assertTrue(export.header("Content-Type").startsWith("text/csv"));
            String body = export.body();
            assertTrue(body.startsWith("\uFEFFid,externalId,personName,"), body);
            assertTrue(body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), body);
            assertTrue(body.contains(",'@SUM(1+1),'+86 131 0000 9999,"), body);
            assertFalse(body.contains("王芳"), "another rep's lead is not in a rep's export");
            Set<String> exported = new HashSet<>();
            for (String line : body.split("\r\n")) {
                exported.add(line.split(",", 2)[0]);
            }
            rep.get("/api/v1/leads?limit=200").json().path("items").forEach(l -> assertTrue(exported.contains(l.path("id").asText())));
            assertEquals(rep.get("/api/v1/leads?limit=200").json().path("items").size() + 1, body.split("\r\n").length, "header + own leads only");

            String admins = org.as("admin").get("/api/v1/leads/export?q=export").body();
            assertTrue(admins.contains("王芳 Export"), admins);
            assertFalse(admins.contains("HYPERLINK"), "filters apply: " + admins);
            assertEquals(400, rep.get("/api/v1/leads/export?grade=Z").status());

            // an export imports as it is: every row is already there
            JsonNode again = imported(org.as("admin"), body.substring(1));
            assertEquals("DONE", again.path("status").asText(), again.toString());
            assertEquals(0, again.path("counts").path("created").asInt(), again.toString());
        }
    }
}
