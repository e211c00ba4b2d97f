package dev.pacesetter.kernel.internal.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a raw request URI below {@code /api/v1/} into decoded segments (an encoded slash stays inside its segment). */
final class RequestPath {

    static final String PREFIX = "/api/v1/";

    private RequestPath() {
    }

    /** The decoded segments, or {@code null} if the path is not under the API prefix or is malformed. */
    static List<String> segments(String rawUri) {
        if (rawUri == null || !rawUri.startsWith(PREFIX)) {
            return null;
        }
        String rest = rawUri.substring(PREFIX.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>(6);
        for (String raw : rest.split("/", -1)) {
            try {
                segments.add(raw.indexOf('%') < 0 ? raw : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return segments;
    }
}
