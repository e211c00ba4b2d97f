package dev.pacesetter.kernel.internal.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.javalin.http.Context;

/**
 * Serves the files modules contribute to the web console ({@code GET /console/modules/<module>/<path>}), from their
 * bundles, to anyone: a browser loads scripts before it can send a token. Known types only, each with its MIME type
 * (the responses are {@code nosniff}); revalidated with an ETag rather than cached blindly, so a hot-deployed update
 * shows at the next load.
 */
public final class ConsoleAssets {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("woff2", "font/woff2"),
            Map.entry("html", "text/html; charset=utf-8"));

    private volatile BiFunction<String, String, Optional<URL>> lookup = (module, path) -> Optional.empty();

    /** Where files come from once the framework runs: until then every file is 404. */
    public void attach(BiFunction<String, String, Optional<URL>> files) {
        this.lookup = files;
    }

    void serve(Context ctx) throws IOException {
        String module = ctx.pathParam("module");
        String path = ctx.pathParam("path");
        String type = TYPES.get(extension(path));
        Optional<URL> file = type == null ? Optional.empty() : lookup.apply(module, path);
        if (file.isEmpty()) {
            ctx.status(404);
            return;
        }
        URLConnection connection = file.get().openConnection();
        String etag = "\"" + Long.toHexString(connection.getLastModified()) + "-" + Integer.toHexString(file.get().toString().hashCode()) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        try (InputStream in = connection.getInputStream()) {
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
