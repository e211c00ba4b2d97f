package dev.pacesetter.kernel.internal.gateway;

import io.javalin.http.Context;

/** Headers every response carries: the API serves JSON that must never be sniffed, framed, cached or referred. */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        apply(ctx::header);
    }

    /** The same headers on any response, also those Jetty writes itself before a request reaches Javalin. */
    static void apply(java.util.function.BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        header.accept("Cache-Control", "no-store");
    }
}
