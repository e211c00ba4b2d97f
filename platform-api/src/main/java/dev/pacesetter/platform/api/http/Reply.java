package dev.pacesetter.platform.api.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a route handler answers: a status, an optional body rendered as JSON (or, for downloads, written by a
 * {@link BodyWriter} with its own media type), and headers. Immutable; {@link #header(String, String)} returns
 * a copy.
 */
public final class Reply {

    private final int status;
    private final Object body;
    private final Map<String, String> headers;
    private final String contentType;
    private final BodyWriter writer;

    private Reply(int status, Object body, Map<String, String> headers) {
        this(status, body, headers, null, null);
    }

    private Reply(int status, Object body, Map<String, String> headers, String contentType, BodyWriter writer) {
        if (status < 200 || status > 399) {
            throw new IllegalArgumentException("a reply is a success or redirect; throw ApiException for status " + status);
        }
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.contentType = contentType;
        this.writer = writer;
    }

    /** 200 with {@code body} as JSON. */
    public static Reply ok(Object body) {
        return new Reply(200, Objects.requireNonNull(body, "body"), Map.of());
    }

    /** 201 with a {@code Location} header pointing at the new resource. */
    public static Reply created(String location, Object body) {
        return new Reply(201, Objects.requireNonNull(body, "body"), Map.of("Location", location));
    }

    /** 202: accepted for processing that continues after the response (imports, recomputations). */
    public static Reply accepted(Object body) {
        return new Reply(202, Objects.requireNonNull(body, "body"), Map.of());
    }

    /**
     * 200 with a body that {@code writer} streams to the client as {@code contentType} (e.g.
     * {@code text/csv; charset=utf-8}), for exports and reports too large to build in memory. Add a
     * {@code Content-Disposition} header with {@link #header(String, String)} to suggest a file name.
     */
    public static Reply stream(String contentType, BodyWriter writer) {
        return new Reply(200, null, Map.of(), Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(writer, "writer"));
    }

    /** 204 without a body. */
    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    /** A copy with one more response header. */
    public Reply header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Reply(status, body, copy, contentType, writer);
    }

    public int status() {
        return status;
    }

    /** The body to render as JSON, or {@code null} for none. */
    public Object body() {
        return body;
    }

    /** The media type of a {@linkplain #stream streamed} body, or {@code null} for JSON or no body. */
    public String contentType() {
        return contentType;
    }

    /** What writes a {@linkplain #stream streamed} body, or {@code null} for JSON or no body. */
    public BodyWriter writer() {
        return writer;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
