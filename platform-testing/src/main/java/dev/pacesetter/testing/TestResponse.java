package dev.pacesetter.testing;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An answer of the kernel: status, headers, body, and the body as JSON. */
public record TestResponse(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as JSON; an {@link AssertionError} naming the body if it is not. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    /** The body as JSON, once the status is {@code expected}; an {@link AssertionError} with the body otherwise. */
    public JsonNode expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected " + expected + " but the kernel answered " + status + ": " + body);
        }
        return body.isEmpty() ? JSON.nullNode() : json();
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The error code of a JSON error answer ({@code error.code}), or {@code null}. */
    public String errorCode() {
        return status >= 400 && body.startsWith("{") ? json().path("error").path("code").asText(null) : null;
    }
}
