package dev.pacesetter.kernel.internal.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pacesetter.platform.api.http.ApiException;
import io.javalin.http.Context;

/**
 * Cross-origin access: closed unless an origin is on the configured allow-list. Bearer tokens travel
 * in a header, never in cookies, so credentials are never allowed.
 */
final class CorsPolicy {

    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String HEADERS = "Authorization, Content-Type, X-Request-Id";

    private final Set<String> allowed;

    CorsPolicy(List<String> allowedOrigins) {
        this.allowed = Set.copyOf(allowedOrigins);
    }

    /** Adds the headers that let an allowed origin read the response. */
    void decorate(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && allowed.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", "X-Request-Id, Location, Retry-After");
        }
        ctx.header("Vary", "Origin");
    }

    static boolean isPreflight(Context ctx) {
        return "OPTIONS".equals(ctx.method().name()) && ctx.header("Access-Control-Request-Method") != null;
    }

    /** Answers a preflight: 204 with the allowed methods and headers, or 403 for an origin not on the list. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !allowed.contains(origin)) {
            throw new ApiException(403, "cors_forbidden", dev.pacesetter.platform.api.i18n.Message.of("error.cors_forbidden", String.valueOf(origin)),
                    Map.of("origin", String.valueOf(origin)));
        }
        ctx.header("Access-Control-Allow-Methods", METHODS);
        ctx.header("Access-Control-Allow-Headers", HEADERS);
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }
}
