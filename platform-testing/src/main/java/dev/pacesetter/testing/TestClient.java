package dev.pacesetter.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the test kernel's REST API as one user (or anonymously): paths are relative to the server, e.g.
 * {@code client.get("/api/v1/leads")}; bodies are JSON unless a content type is given.
 */
public final class TestClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;
    private final String language;
    private volatile Long userId;

    TestClient(URI base, String token, String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    /** The same user, asking for answers in {@code tag} ({@code zh-CN} or {@code en}) with Accept-Language. */
    public TestClient inLanguage(String tag) {
        return new TestClient(base, token, tag);
    }

    /** The bearer token this client sends; {@code null} when anonymous. */
    public String token() {
        return token;
    }

    /** The id of the signed-in user ({@code GET /api/v1/me}, asked once). */
    public long userId() {
        if (userId == null) {
            userId = get("/api/v1/me").expect(200).path("id").asLong();
        }
        return userId;
    }

    /** {@code GET path}. */
    public TestResponse get(String path) {
        return send("GET", path, null, null);
    }

    /** {@code POST path} with a JSON body. */
    public TestResponse post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    /** {@code PUT path} with a JSON body. */
    public TestResponse put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    /** {@code PATCH path} with a JSON body. */
    public TestResponse patch(String path, String json) {
        return send("PATCH", path, "application/json", json);
    }

    /** {@code DELETE path}. */
    public TestResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Any method, any text body ({@code null}: none), sent as UTF-8. */
    public TestResponse send(String method, String path, String contentType, String body) {
        return upload(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Any method with a body of bytes ({@code null}: none): a CSV file in another encoding, a plugin jar. */
    public TestResponse upload(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }
}
