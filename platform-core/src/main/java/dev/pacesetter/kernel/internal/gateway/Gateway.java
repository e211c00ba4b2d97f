package dev.pacesetter.kernel.internal.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import dev.pacesetter.kernel.internal.bulkhead.RequestBulkheads;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The HTTP server: one Javalin instance whose only API route is a wildcard handing every request under
 * {@code /api/} to the {@link ApiDispatcher}. Routes come and go in the {@link LiveRouteTable}, never in Javalin,
 * which cannot remove routes.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** Every method Javalin knows goes to the dispatcher, which answers 405 with Allow for those no route has (TRACE, QUERY, …). */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.TRACE, HandlerType.QUERY,
            HandlerType.CONNECT);

    /** How long Jetty may take, after the drain, to finish writing responses whose handlers have returned. */
    private static final long FLUSH_MS = 2_000;
    /**
     * How long a connection with nothing to send may stay open once the server stops. Jetty's 1 s default kept every
     * idle keep-alive connection (any HTTP client's pool has some) open for a second of each stop; a response still
     * being written makes progress and is not idle.
     */
    private static final long SHUTDOWN_IDLE_MS = 100;

    private final Javalin app;
    private final InFlightRequests inFlight;
    private final AtomicReference<Server> jetty;
    private final RequestLog requestLog;

    private Gateway(Javalin app, InFlightRequests inFlight, AtomicReference<Server> jetty, RequestLog requestLog) {
        this.app = app;
        this.inFlight = inFlight;
        this.jetty = jetty;
        this.requestLog = requestLog;
    }

    /** Starts listening; the table may still be empty (requests then get 404 until routes arrive). */
    public static Gateway start(GatewayOptions options, LiveRouteTable routes, JsonCodec json, AccessControl access, ErrorTexts texts,
            RequestBulkheads bulkheads, ConsoleAssets consoleAssets) {
        InFlightRequests inFlight = new InFlightRequests();
        CorsPolicy cors = new CorsPolicy(options.corsOrigins());
        ApiDispatcher dispatcher = new ApiDispatcher(routes, json, inFlight, options.bodyLimitBytes(), access, cors, texts, bulkheads);
        AtomicReference<Server> jetty = new AtomicReference<>();
        RequestLog requestLog = new RequestLog();
        Javalin app = Javalin.create(cfg -> {
            // the dispatcher's count ends when a handler returns; Jetty's graceful stop then waits for the bytes to go out
            cfg.jetty.modifyServer(server -> {
                server.insertHandler(new GracefulHandler());
                server.insertHandler(new MethodOverrideStripper());
                server.setErrorHandler(new JettyErrorResponse(json, texts));
                server.setStopTimeout(FLUSH_MS);
                jetty.set(server);
            });
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = options.bodyLimitBytes();
            cfg.jetty.host = options.host();
            cfg.jetty.port = options.port();
            cfg.routes.before(ctx -> {
                SecurityHeaders.apply(ctx);
                cors.decorate(ctx);
            });
            cfg.requestLogger.http(requestLog::record);
            for (HandlerType method : METHODS) {
                cfg.routes.addHttpHandler(method, "/api/*", dispatcher);
            }
            cfg.routes.get("/console/modules/{module}/<path>", consoleAssets::serve);
            cfg.routes.error(404, ctx -> {
                if (!ctx.path().startsWith("/api/")) {
                    ctx.contentType("application/json").result(json.write(ErrorBody.of("not_found",
                            texts.kernel(ctx.header("Accept-Language"), Message.of("error.not_found.outside_api", ctx.path())), Map.of(), null)));
                } else if (ctx.attribute(ApiDispatcher.CORRELATION_ATTRIBUTE) == null) {
                    // a method Javalin has no handler for (FOO, PROPFIND, …) never reached the dispatcher: it answers
                    // like for any other method the path lacks, 405 with Allow on a known path, 404 elsewhere, in JSON
                    dispatcher.handle(ctx);
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).contentType("application/json")
                        .result(json.write(ErrorBody.of("internal_error", texts.kernel(ctx.header("Accept-Language"), Message.of("error.unhandled")),
                                Map.of(), null)));
            });
        }).start();
        return new Gateway(app, inFlight, jetty, requestLog);
    }

    public int port() {
        return app.port();
    }

    /** Stops taking requests, waits up to {@code bound} for those in flight, then closes the server. */
    public void drainAndStop(Duration bound) {
        Server server = jetty.get();
        try {
            int left = inFlight.drain(bound);
            if (left > 0) {
                LOG.warn("{} request(s) still running after {} ms; closing anyway", left, bound.toMillis());
                if (server != null) {
                    server.setStopTimeout(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof AbstractConnector closing) {
                    closing.setShutdownIdleTimeout(SHUTDOWN_IDLE_MS);
                }
            }
        }
        try {
            app.stop();
        } catch (RuntimeException e) {
            // Jetty reports a graceful stop that ran out of time after it has stopped anyway
            LOG.warn("HTTP server stopped with requests still open: {}", e.getMessage());
        }
        requestLog.close();
    }

    @Override
    public void close() {
        drainAndStop(Duration.ZERO);
    }
}
