package dev.pacesetter.kernel.internal.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.bulkhead.Admission;
import dev.pacesetter.kernel.internal.bulkhead.ModuleBusyException;
import dev.pacesetter.kernel.internal.bulkhead.RequestBulkheads;
import dev.pacesetter.kernel.internal.db.DatabaseFaults;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.security.Permission;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The one Javalin handler behind {@code /api/*}: looks the request up in the live route table and calls
 * the owning module's handler, turning every outcome into a JSON response. No stack trace ever leaves.
 */
final class ApiDispatcher implements Handler {

    static final String CORRELATION_ATTRIBUTE = "pacesetter.correlationId";
    /** The module whose route answers, and the caller: errors are rendered from that module's messages in the caller's language. */
    private static final String MODULE_ATTRIBUTE = "pacesetter.moduleId";
    private static final String CALLER_ATTRIBUTE = "pacesetter.caller";
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    private static final long MAX_DISCARD = 16L * 1024 * 1024;

    private final LiveRouteTable routes;
    private final JsonCodec json;
    private final InFlightRequests inFlight;
    private final long bodyLimit;
    private final AccessControl access;
    private final CorsPolicy cors;
    private final ErrorTexts texts;
    private final RequestBulkheads bulkheads;
    private final ConcurrentHashMap<String, Long> lastBusyWarning = new ConcurrentHashMap<>();
    private static final long BUSY_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    ApiDispatcher(LiveRouteTable routes, JsonCodec json, InFlightRequests inFlight, long bodyLimit,
            AccessControl access, CorsPolicy cors, ErrorTexts texts, RequestBulkheads bulkheads) {
        this.texts = texts;
        this.bulkheads = bulkheads;
        this.access = access;
        this.cors = cors;
        this.routes = routes;
        this.json = json;
        this.inFlight = inFlight;
        this.bodyLimit = bodyLimit;
    }

    /** How long a client is asked to wait when the database is unreachable: about what a restart or failover takes. */
    private static final int DATABASE_RETRY_SECONDS = 5;
    /** How long a client is asked to wait when a module is at its limits: its requests are short, a slot frees soon. */
    private static final int BUSY_RETRY_SECONDS = 1;
    /** How long a client is asked to wait when this node is stopping: about what a restart takes. */
    static final int RESTART_RETRY_SECONDS = 5;

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    @Override
    public void handle(Context ctx) {
        String correlationId = CorrelationId.from(ctx.header(CorrelationId.HEADER));
        ctx.attribute(CORRELATION_ATTRIBUTE, correlationId);
        ctx.header(CorrelationId.HEADER, correlationId);
        if (!inFlight.enter()) {
            ctx.header("Connection", "close");
            fail(ctx, new ApiException(503, "shutting_down", Message.of("error.shutting_down"),
                    Map.of("retryAfterSeconds", RESTART_RETRY_SECONDS)), correlationId);
            return;
        }
        try {
            dispatch(ctx, correlationId);
        } catch (ApiException e) {
            if (e.status() == 413) {
                discardBody(ctx);
            }
            fail(ctx, e, correlationId);
        } catch (Exception | LinkageError e) {
            Optional<String> busyModule = ModuleBusyException.moduleOf(e);
            if (busyModule.isPresent()) {
                // the module held its whole share of connections all the while: nothing was committed
                warnBusy(busyModule.get(), "connections", correlationId);
                fail(ctx, busy(busyModule.get()), correlationId);
                return;
            }
            if (DatabaseFaults.isCommitOutcomeUnknown(e)) {
                // the one database fault after which "nothing was changed" may be false: the client must look before retrying
                LOG.warn("Request {} {} lost the database during its commit [{}]: the change may or may not be stored: {}", ctx.method(),
                        ctx.path(), correlationId, rootMessage(e));
                fail(ctx, new ApiException(503, "commit_outcome_unknown", Message.of("error.commit_outcome_unknown"),
                        Map.of("retryAfterSeconds", DATABASE_RETRY_SECONDS)), correlationId);
                return;
            }
            if (DatabaseFaults.isUnavailable(e)) {
                // nothing was committed (the change and its events share one transaction): safe to retry later
                LOG.warn("Request {} {} found the database unreachable [{}]: {}", ctx.method(), ctx.path(), correlationId, rootMessage(e));
                fail(ctx, new ApiException(503, "database_unavailable", Message.of("error.database_unavailable"),
                        Map.of("retryAfterSeconds", DATABASE_RETRY_SECONDS)), correlationId);
                return;
            }
            LOG.error("Request {} {} failed [{}]", ctx.method(), ctx.path(), correlationId, e);
            fail(ctx, new ApiException(500, "internal_error", Message.of("error.internal_error", correlationId), null), correlationId);
        } finally {
            inFlight.exit();
        }
    }

    private void dispatch(Context ctx, String correlationId) throws Exception {
        if (CorsPolicy.isPreflight(ctx)) {
            cors.preflight(ctx);
            return;
        }
        List<String> segments = RequestPath.segments(ctx.req().getRequestURI());
        RouteLookup lookup = segments == null ? new RouteLookup.NotFound() : routes.current().lookup(ctx.req().getMethod(), segments);
        if (lookup instanceof RouteLookup.Found found) {
            ctx.attribute(MODULE_ATTRIBUTE, found.moduleId());
            Optional<Caller> caller = authorize(ctx, found.route());
            admit(found.moduleId(), caller);
            checkBody(ctx, found.route());
            // the platform's own routes pass no bulkhead: health, sign-in and the module list answer however busy a module is
            Admission admission = found.moduleId().equals(ModuleRegistry.PLATFORM) ? Admission.NONE
                    : bulkheads.admit(found.moduleId(), found.route().isHeavy()).orElseThrow(() -> {
                        warnBusy(found.moduleId(), "requests", correlationId);
                        return busy(found.moduleId());
                    });
            try (admission) {
                Reply reply = found.route().handler().handle(new GatewayRequest(ctx, found, correlationId, json, limitOf(found.route()), caller,
                        texts.languages().of(ctx, caller)));
                if (reply == null) {
                    throw new IllegalStateException("handler of " + found.route() + " returned no reply");
                }
                write(ctx, reply);
            }
        } else if (lookup instanceof RouteLookup.WrongMethod wrong) {
            String allow = wrong.allowed().stream().map(Enum::name).collect(Collectors.joining(", "));
            ctx.header("Allow", allow);
            throw new ApiException(405, "method_not_allowed", Message.of("error.method_not_allowed", ctx.req().getMethod(), ctx.path(), allow),
                    Map.of("allowed", wrong.allowed()));
        } else if (lookup instanceof RouteLookup.Unavailable unavailable) {
            ctx.header("Retry-After", "2");
            throw new ApiException(503, "module_unavailable", Message.of("error.module_unavailable", unavailable.moduleId()),
                    Map.of("module", unavailable.moduleId()));
        } else if (lookup instanceof RouteLookup.Failed failed) {
            // no Retry-After: it will not heal by itself. Why it failed (SQL, class names) is for administrators only
            boolean admin = signedInCaller(ctx).map(c -> c.hasAnyOf(Set.of(Role.ADMIN))).orElse(false);
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("module", failed.moduleId());
            if (admin) {
                details.put("reason", failed.reason());
            }
            throw new ApiException(503, "module_failed", Message.of("error.module_failed", failed.moduleId()), details);
        } else {
            throw new ApiException(404, "route_not_found", Message.of("error.route_not_found", ctx.req().getMethod(), ctx.path()), null);
        }
    }

    /** Once a minute per module: a flood would otherwise write a warning per turned-away request. */
    private void warnBusy(String moduleId, String limit, String correlationId) {
        long now = System.nanoTime();
        Long last = lastBusyWarning.get(moduleId);
        boolean due = last == null ? lastBusyWarning.putIfAbsent(moduleId, now) == null
                : now - last > BUSY_WARNING_INTERVAL_NANOS && lastBusyWarning.replace(moduleId, last, now);
        if (due) {
            LOG.warn("Module {} is at its limit of {}: requests get 503 module_busy (see Bulkheads in the README) [{}]",
                    moduleId, limit, correlationId);
        }
    }

    private static ApiException busy(String moduleId) {
        return new ApiException(503, "module_busy", Message.of("error.module_busy", moduleId),
                Map.of("module", moduleId, "retryAfterSeconds", BUSY_RETRY_SECONDS));
    }

    /**
     * 401 without a valid bearer token, 403 without one of the route's roles — before any plugin code
     * runs. A public route gets the caller too when the client sent a valid token.
     */
    /** The caller the request's bearer token names, if it names one. */
    private Optional<Caller> signedInCaller(Context ctx) {
        String header = ctx.header("Authorization");
        Authenticator auth = access.authenticator();
        Optional<Caller> caller = Optional.empty();
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && auth != null) {
            caller = auth.authenticate(header.substring(7).trim());
            caller.ifPresent(c -> ctx.attribute(CALLER_ATTRIBUTE, c));
        }
        return caller;
    }

    private Optional<Caller> authorize(Context ctx, Route route) {
        String header = ctx.header("Authorization");
        Authenticator auth = access.authenticator();
        Optional<Caller> caller = signedInCaller(ctx);
        if (route.isPublic()) {
            return caller;
        }
        if (auth == null) {
            ctx.header("Retry-After", "2");
            throw new ApiException(503, "not_ready", Message.of("error.not_ready.sign_in"), null);
        }
        if (caller.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthenticated",
                    Message.of(header == null ? "error.unauthenticated.no_token" : "error.unauthenticated.bad_token"),
                    null);
        }
        Optional<Permission> permission = route.permission();
        if (permission.isPresent() && !caller.get().can(permission.get())) {
            throw new ApiException(403, "forbidden", Message.of("error.forbidden.permission", permission.get().id()),
                    Map.of("requiredPermission", permission.get().id()));
        }
        if (!caller.get().hasAnyOf(route.roles())) {
            throw new ApiException(403, "forbidden", Message.of("error.forbidden", route.roles().toString()),
                    Map.of("requiredRoles", route.roles()));
        }
        return caller;
    }

    /**
     * Pilot enablement: a module that is off for the caller's region answers like a route that does not
     * exist, naming the module so that a user can tell an administrator what to switch on.
     */
    private void admit(String moduleId, Optional<Caller> caller) {
        ModuleGate gate = access.gate();
        if (gate == null) {
            throw new ApiException(503, "not_ready", Message.of("error.not_ready.starting"), Map.of("retryAfterSeconds", 2));
        }
        if (!gate.admits(moduleId, caller)) {
            throw new ApiException(404, "module_not_enabled", Message.of("error.module_not_enabled", moduleId),
                    Map.of("module", moduleId));
        }
    }

    /** Refuses bodies that are too large or of the wrong type before any plugin code runs. */
    private void checkBody(Context ctx, Route route) {
        long length = ctx.req().getContentLengthLong();
        boolean hasBody = length > 0 || (length < 0 && ctx.header("Transfer-Encoding") != null);
        if (!hasBody) {
            return;
        }
        if (route.takesNoBody()) {
            throw new ApiException(400, "unexpected_body", Message.of("error.unexpected_body", ctx.req().getMethod(), route.path()), null);
        }
        long limit = limitOf(route);
        if (length > limit) {
            throw new ApiException(413, "payload_too_large", Message.of("error.payload_too_large.length", length, limit),
                    Map.of("limitBytes", limit));
        }
        String type = ctx.header("Content-Type");
        if (!route.method().carriesBody()) {
            return;
        }
        if (route.consumes().isEmpty() && !isJson(mediaType(type))) {
            throw new ApiException(415, "unsupported_media_type", unsupported("application/json", type), Map.of("expected", "application/json"));
        }
        if (!route.consumes().isEmpty() && !route.consumes().contains(mediaType(type))) {
            throw new ApiException(415, "unsupported_media_type", unsupported(String.join(", ", route.consumes()), type),
                    Map.of("expected", route.consumes()));
        }
    }

    private static Message unsupported(String expected, String sent) {
        return sent == null ? Message.of("error.unsupported_media_type", expected) : Message.of("error.unsupported_media_type.sent", expected, sent);
    }

    long limitOf(Route route) {
        return route.maxBodyBytes() > 0 ? route.maxBodyBytes() : bodyLimit;
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isJson(String media) {
        return media != null && (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json")));
    }

    private void write(Context ctx, Reply reply) throws java.io.IOException {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        if (reply.writer() != null) {
            stream(ctx, reply);
        } else if (reply.body() != null) {
            ctx.contentType("application/json");
            ctx.result(json.write(reply.body()));
        }
    }

    /**
     * Streams a download. A failure before the first bytes left becomes the usual error answer (the buffer is
     * dropped); after that the connection is aborted, so the client sees a broken transfer, never a complete-looking
     * but truncated file.
     */
    private static void stream(Context ctx, Reply reply) throws java.io.IOException {
        ctx.res().setContentType(reply.contentType());
        java.io.OutputStream out = ctx.res().getOutputStream();
        try {
            reply.writer().writeTo(out);
            out.flush();
        } catch (java.io.IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().reset();
                reply.headers().keySet().forEach(name -> ctx.res().setHeader(name, null));
                throw e;
            }
            LOG.warn("Streaming {} {} failed after the response started; aborting it: {}", ctx.method(), ctx.path(), e.toString());
            if (ctx.res() instanceof org.eclipse.jetty.ee10.servlet.ServletApiResponse response) {
                response.getServletChannel().abort(e);
            } else {
                throw new org.eclipse.jetty.io.EofException("aborted: " + e.getMessage());
            }
        }
    }

    /**
     * Reads and drops what the client is still sending of a refused body (up to {@link #MAX_DISCARD}),
     * so that it sees the 413 instead of a connection reset; beyond that the connection is closed.
     */
    private static void discardBody(Context ctx) {
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; skipped <= MAX_DISCARD && (n = in.read(buffer)) >= 0;) {
                skipped += n;
            }
            if (skipped > MAX_DISCARD) {
                ctx.header("Connection", "close");
            }
        } catch (java.io.IOException | RuntimeException e) {
            ctx.header("Connection", "close");
        }
    }

    private void fail(Context ctx, ApiException e, String correlationId) {
        ctx.status(e.status());
        if (e.details() instanceof Map<?, ?> details && details.get("retryAfterSeconds") != null) {
            ctx.header("Retry-After", String.valueOf(details.get("retryAfterSeconds")));
        }
        ctx.contentType("application/json");
        ctx.result(json.write(texts.render(e, ctx.attribute(MODULE_ATTRIBUTE), languageOf(ctx), correlationId)));
    }

    /** An error before sign-in was checked (no such route) still answers a signed-in user in their language. */
    private Language languageOf(Context ctx) {
        Caller caller = ctx.attribute(CALLER_ATTRIBUTE);
        String header = ctx.header("Authorization");
        Authenticator auth = access.authenticator();
        if (caller == null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && auth != null) {
            try {
                caller = auth.authenticate(header.substring(7).trim()).orElse(null);
            } catch (RuntimeException e) {
                // the answer is an error already: without the caller it goes by Accept-Language
            }
        }
        return texts.languages().of(ctx, Optional.ofNullable(caller));
    }
}
