package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Every user reads the product in their language: errors, the language setting itself, users as administrators see them. */
class LanguagesIT {

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
            super(database, List.of());
        }

        @Test
        void aUserChoosesTheirLanguageAndTheDefaultIsSimplifiedChinese() {
            Http rep = org.as("rep2");
            assertEquals("zh-CN", rep.get("/api/v1/me").json().path("language").asText());
            Http.Result chosen = rep.put("/api/v1/me/language", "{\"language\":\"en\"}");
            assertEquals(200, chosen.status(), chosen.body());
            assertEquals("en", chosen.json().path("language").asText());
            assertEquals("en", rep.get("/api/v1/me").json().path("language").asText());
            assertEquals("en", kernel.http().get("/api/v1/users/" + org.id("rep2")).json().path("language").asText(), "administrators see it");

            Http.Result french = rep.put("/api/v1/me/language", "{\"language\":\"fr\"}");
            assertEquals(400, french.status());
            assertEquals("Field language is invalid: must be zh-CN (Simplified Chinese) or en (English).",
                    french.json().path("error").path("message").asText());

            Http.Result back = rep.put("/api/v1/me/language", "{\"language\":null}");
            assertEquals(200, back.status(), back.body());
            assertEquals("zh-CN", back.json().path("language").asText(), "null follows the installation's default again");
            assertEquals("zh-CN", rep.get("/api/v1/me").json().path("language").asText());
        }

        @Test
        void anAdministratorSetsAUsersLanguage() {
            Http admin = kernel.http();
            Http.Result created = admin.post("/api/v1/users", "{\"username\":\"li.na\",\"displayName\":\"李娜\",\"password\":\"correct horse battery\","
                    + "\"roles\":[\"REP\"],\"language\":\"en\"}");
            assertEquals(201, created.status(), created.body());
            assertEquals("en", created.json().path("language").asText());
            long id = created.json().path("id").asLong();
            Http.Result changed = admin.put("/api/v1/users/" + id, "{\"displayName\":\"李娜\",\"roles\":[\"REP\"],\"language\":\"zh-CN\"}");
            assertEquals(200, changed.status(), changed.body());
            assertEquals("zh-CN", changed.json().path("language").asText());
            Http.Result wrong = admin.put("/api/v1/users/" + id, "{\"displayName\":\"李娜\",\"roles\":[\"REP\"],\"language\":\"de\"}");
            assertEquals(400, wrong.status());
            assertEquals("language", wrong.json().path("error").path("details").path("fields").get(0).path("field").asText());
            assertEquals("必须是 zh-CN（简体中文）或 en（英文）",
                    wrong.json().path("error").path("details").path("fields").get(0).path("message").asText());
        }

        @Test
        void errorsAreInChineseByDefaultAndInEnglishForEnglishReaders() {
            Http.Result chinese = kernel.anonymous().get("/api/v1/nothing-here");
            assertEquals(404, chinese.status());
            assertEquals("route_not_found", error(chinese).path("code").asText());
            assertEquals("没有与 GET /api/v1/nothing-here 匹配的 API 路由。", error(chinese).path("message").asText());

            Http.Result english = anonymousIn("en-US,en;q=0.9", "/api/v1/nothing-here");
            assertEquals("No API route matches GET /api/v1/nothing-here.", error(english).path("message").asText());
            assertEquals("Sign in first: send Authorization: Bearer <token>.", error(anonymousIn("en", "/api/v1/me")).path("message").asText());
            assertEquals("请先登录，并在请求头中携带 Authorization: Bearer <令牌>。", error(kernel.anonymous().get("/api/v1/me")).path("message").asText());
            assertEquals("路径 /index.html 不存在。API 的地址都以 /api/v1/ 开头。", error(kernel.anonymous().get("/index.html")).path("message").asText(),
                    "outside the API too");
            assertEquals("Nothing at /index.html. The API lives under /api/v1/.", error(anonymousIn("en", "/index.html")).path("message").asText());

            Http rep = org.as("rep1");
            Http.Result unknownField = rep.put("/api/v1/me/language", "{\"lang\":\"en\"}");
            assertEquals(400, unknownField.status());
            assertEquals("validation_failed", error(unknownField).path("code").asText());
            assertEquals("字段 lang 无效：不是此请求可接受的字段。", error(unknownField).path("message").asText());
            assertEquals("不是此请求可接受的字段", error(unknownField).path("details").path("fields").get(0).path("message").asText());

            assertEquals(200, rep.put("/api/v1/me/language", "{\"language\":\"en\"}").status());
            try {
                Http.Result inEnglish = rep.put("/api/v1/me/language", "{\"lang\":\"en\"}");
                assertEquals("Field lang is invalid: is not a field this request accepts.", error(inEnglish).path("message").asText());
                assertEquals("No API route matches GET /api/v1/nothing-here.", error(rep.get("/api/v1/nothing-here")).path("message").asText(),
                        "a signed-in reader's own language, before the route is known");
                assertEquals("This needs one of the roles [ADMIN].", error(rep.post("/api/v1/users", "{}")).path("message").asText());
            } finally {
                rep.put("/api/v1/me/language", "{\"language\":\"zh-CN\"}");
            }
        }

        private Http.Result anonymousIn(String acceptLanguage, String path) {
            Http anonymous = kernel.anonymous();
            return anonymous.send(HttpRequest.newBuilder(anonymous.uri(path)).header("Accept-Language", acceptLanguage).GET());
        }

        private static JsonNode error(Http.Result result) {
            return result.json().path("error");
        }
    }
}
