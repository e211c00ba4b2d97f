package dev.pacesetter.bench.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.Javalin;

/**
 * The smallest Javalin 7 server that answers the two routes bench/run.sh compares against Pacesetter:
 * {@code GET /api/v1/hello/ping} with the same JSON body the hello fixture plugin returns (serialised with
 * Jackson on every request, as the kernel does), and {@code GET /api/v1/health}.
 * Port: first argument, else the PORT environment variable, else 7080.
 */
public final class BaselineServer {

    private static final Map<String, Object> PONG = new LinkedHashMap<>();
    private static final Map<String, Object> UP = Map.of("status", "UP");

    static {
        PONG.put("pong", true);
        PONG.put("module", "hello");
    }

    private BaselineServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "7080"));
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/v1/hello/ping", ctx -> ctx.json(PONG));
            cfg.routes.get("/api/v1/health", ctx -> ctx.json(UP));
        });
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "baseline-shutdown"));
        app.start();
    }
}
