package dev.pacesetter.kernel.internal.platform;

import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.pacesetter.kernel.internal.gateway.LiveRouteTable;
import dev.pacesetter.kernel.internal.modules.ModuleStatus;
import dev.pacesetter.kernel.internal.modules.ModuleStatusReporter;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Message;

/** The platform module's own routes: health and the module list. Registered like any plugin's routes. */
public final class PlatformRoutes implements RouteProvider {

    private static final java.time.Duration PROBE_WAIT = java.time.Duration.ofMillis(900);
    /** How long an UP answer is given again without looking: an outage or a failed module shows within this, plus the probe. */
    static final java.time.Duration UP_REUSED_FOR = java.time.Duration.ofMillis(500);
    private volatile Healthy healthy;

    /** One probe at a time, on a thread that goes away when health is not asked for. */
    private final ExecutorService prober = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "pacesetter-health-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<Boolean> probe;

    private final ModuleStatusReporter reporter;
    private final DataSource dataSource;
    private final Readiness readiness;
    private final LiveRouteTable routes;
    private final String version;

    public PlatformRoutes(ModuleStatusReporter reporter, DataSource dataSource, Readiness readiness, LiveRouteTable routes,
            String version) {
        this.reporter = reporter;
        this.dataSource = dataSource;
        this.readiness = readiness;
        this.routes = routes;
        this.version = version;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/health", this::health).publicAccess()
                        .summary("UP (200) when the kernel, the database, sign-in and every module are ready; otherwise 503"),
                Route.get("/modules", request -> Reply.ok(Map.of("items", reporter.statuses()))).returnsItems(ModuleStatus.class)
                        .summary("Every installed module with its state, version and failure reason"),
                Route.get("/modules/{module}", this::module).returns(ModuleStatus.class).summary("One module"),
                Route.get("/openapi.json", request -> Reply.ok(OpenApiDocument.of(routes.served(), version))).publicAccess()
                        .summary("OpenAPI description of every route served now, plugins' included"));
    }

    private Reply health(ApiRequest request) {
        Healthy recent = healthy;
        if (recent != null && System.nanoTime() - recent.atNanos() < UP_REUSED_FOR.toNanos()) {
            return Reply.ok(recent.body()); // a public route load balancers call often: no probe, no walk over every component
        }
        List<ModuleStatus> statuses = reporter.statuses();
        Map<String, Object> modules = new LinkedHashMap<>();
        statuses.forEach(s -> modules.put(s.id(), s.state()));
        boolean database = databaseReachable();
        boolean kernel = readiness.kernelReady();
        boolean settled = statuses.stream().allMatch(s -> s.state().isSettled());
        boolean signIn = kernel && readiness.signInReady();
        String status = !kernel || !database ? "DOWN" : settled && signIn ? "UP" : "STARTING";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("database", database ? "UP" : "DOWN");
        body.put("signIn", signIn ? "UP" : "STARTING");
        body.put("modules", modules);
        if (!status.equals("UP")) {
            throw new ApiException(503, "not_ready", status.equals("DOWN") ? Message.of("error.not_ready.down")
                    : !signIn ? Message.of("error.not_ready.first_admin") : Message.of("error.not_ready.modules"), body);
        }
        healthy = new Healthy(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body)), System.nanoTime());
        return Reply.ok(body);
    }

    /** An UP answer and when it was computed; anything else is computed afresh on every call. */
    private record Healthy(Map<String, Object> body, long atNanos) {
    }

    private Reply module(ApiRequest request) {
        String id = request.pathParam("module");
        return reporter.statuses().stream().filter(s -> s.id().equals(id)).findFirst().map(Reply::ok)
                .orElseThrow(() -> ApiException.notFound(Message.of("error.module.not_found", id)));
    }

    /**
     * Whether the database answers within {@link #PROBE_WAIT}: health must say DOWN quickly, not after the pool's own
     * wait for a connection. A probe still running (the database hangs) is waited on, not repeated.
     */
    private boolean databaseReachable() {
        Future<Boolean> check = probe;
        if (check == null || check.isDone()) {
            check = prober.submit(this::probeDatabase);
            probe = check;
        }
        try {
            return check.get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean probeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
