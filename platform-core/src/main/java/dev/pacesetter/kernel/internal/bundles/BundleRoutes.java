package dev.pacesetter.kernel.internal.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.gateway.RouteAssembler;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleState;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.ModuleStatusReporter;
import dev.pacesetter.platform.api.ModuleDescriptor;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Bundle administration over REST, for administrators only. Uploads and updates go through
 * {@code deploy/} exactly as a file copied there would (File Install installs, updates and refreshes),
 * so REST and the folder never disagree and an uploaded plugin survives a restart. Stop and start act
 * on the bundle directly. Infrastructure bundles (Declarative Services, File Install, …) and bundles
 * started from {@code bundles/} cannot be changed here. Changes to deploy/ are serialised, so two
 * uploads of one bundle cannot both pass the "not installed yet" check.
 */
public final class BundleRoutes implements RouteProvider {

    /** How long an upload waits for its module to serve before answering 202 with a status link. */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(BundleRoutes.class);
    private static final String[] JAR_TYPES = {"application/java-archive", "application/octet-stream", "application/zip",
            "application/x-java-archive"};

    private final BundleContext context;
    private final ModuleRegistry modules;
    private final ModuleStatusReporter reporter;
    private final ModuleDatabase platformDb;
    private final Path deployDir;
    private final DeployFolder deploy;
    private final ModuleSettling settling;
    private final long uploadLimit;

    public BundleRoutes(BundleContext context, ModuleRegistry modules, ModuleStatusReporter reporter, RouteAssembler routeAssembler,
            ModuleDatabase platformDb, Path deployDir, long uploadLimit) {
        this.context = context;
        this.modules = modules;
        this.reporter = reporter;
        this.platformDb = platformDb;
        this.deploy = new DeployFolder(deployDir);
        this.deployDir = deploy.path();
        this.settling = new ModuleSettling(modules, reporter, routeAssembler);
        this.uploadLimit = uploadLimit;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/bundles", request -> Reply.ok(Map.of("items", Arrays.stream(context.getBundles()).map(this::view).toList())))
                        .roles(Role.ADMIN).summary("Every installed bundle with its state and where it came from"),
                Route.get("/bundles/{id}", request -> Reply.ok(view(bundle(request)))).roles(Role.ADMIN),
                Route.post("/bundles", this::upload).roles(Role.ADMIN).consumes(JAR_TYPES).maxBodyBytes(uploadLimit)
                        .summary("Upload a plugin jar (body: the jar); installed and started as if copied into deploy/"),
                Route.put("/bundles/{id}", this::update).roles(Role.ADMIN).consumes(JAR_TYPES).maxBodyBytes(uploadLimit)
                        .summary("Replace an uploaded plugin with a new version of the same bundle"),
                Route.post("/bundles/{id}/stop", request -> lifecycle(request, "stop")).withoutBody().roles(Role.ADMIN).summary("Stop a plugin"),
                Route.post("/bundles/{id}/start", request -> lifecycle(request, "start")).withoutBody().roles(Role.ADMIN).summary("Start a plugin"),
                Route.delete("/bundles/{id}", this::uninstall).roles(Role.ADMIN).summary("Uninstall an uploaded plugin (removes it from deploy/)"));
    }

    private synchronized Reply upload(ApiRequest request) throws IOException {
        Path staged = stage(request);
        try {
            JarInspection.BundleIdentity identity = inspect(staged);
            Optional<Bundle> existing = Arrays.stream(context.getBundles())
                    .filter(b -> identity.symbolicName().equals(b.getSymbolicName())).findFirst();
            if (existing.isPresent()) {
                throw ApiException.conflict("bundle_exists", Message.of("error.bundle_exists", identity.symbolicName(), existing.get().getBundleId()),
                        Map.of("bundleId", existing.get().getBundleId()));
            }
            Path target = insideDeploy(() -> deploy.jarOf(identity.name()));
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw ApiException.conflict("file_exists", Message.of("error.file_exists", String.valueOf(target.getFileName())), null);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Plugin {} {} uploaded by {} into {}", identity.symbolicName(), identity.version(),
                    request.caller().orElseThrow().username(), target);
            Arrival installed = await(b -> target.equals(deployFile(b).orElse(null)), b -> true);
            audit(request, installed.bundle().map(Bundle::getBundleId).orElse(null), "install", null, identity, target);
            return settled(installed, identity, target, true);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private synchronized Reply update(ApiRequest request) throws IOException {
        Bundle bundle = bundle(request);
        Path known = deployFile(bundle).orElseThrow(() -> notUploaded(bundle));
        Path file = insideDeploy(() -> deploy.inside(known));
        Path staged = stage(request);
        try {
            JarInspection.BundleIdentity identity = inspect(staged);
            if (!identity.symbolicName().equals(bundle.getSymbolicName())) {
                throw ApiException.unprocessable("different_bundle", Message.of("error.different_bundle", identity.symbolicName(), bundle.getSymbolicName()), null);
            }
            Map<String, Object> before = view(bundle);
            long modifiedBefore = bundle.getLastModified();
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Plugin {} updated to {} by {}", identity.symbolicName(), identity.version(), request.caller().orElseThrow().username());
            Arrival updated = await(b -> b.getBundleId() == bundle.getBundleId(),
                    b -> b.getLastModified() != modifiedBefore && b.getVersion().equals(identity.version()));
            audit(request, bundle.getBundleId(), "update", before, identity, file);
            return settled(updated, identity, file, false);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private Reply lifecycle(ApiRequest request, String action) {
        Bundle bundle = bundle(request);
        if (modules.recordOf(bundle).isEmpty() || bundle.getBundleId() == 0) {
            throw ApiException.conflict("infrastructure_bundle", Message.of("error.infrastructure_bundle", bundle.getSymbolicName()), null);
        }
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            throw ApiException.conflict("fragment_bundle", Message.of("error.fragment_bundle", bundle.getSymbolicName()), null);
        }
        Map<String, Object> before = view(bundle);
        try {
            if (action.equals("stop")) {
                bundle.stop();
            } else {
                bundle.start();
            }
        } catch (BundleException e) {
            throw ApiException.conflict("bundle_" + action + "_failed", Message.of("error.bundle_" + action + "_failed", bundle.getSymbolicName(), String.valueOf(e.getMessage())), null);
        }
        Map<String, Object> after = view(bundle);
        platformDb.inTransaction(c -> {
            platformDb.audit(c, AuditRecord.of(request, "bundles", bundle.getBundleId(), action).before(before).after(after));
            return null;
        });
        return Reply.ok(after);
    }

    private synchronized Reply uninstall(ApiRequest request) throws IOException {
        Bundle bundle = bundle(request);
        Path known = deployFile(bundle).orElseThrow(() -> notUploaded(bundle));
        Path file = insideDeploy(() -> deploy.inside(known));
        Map<String, Object> before = view(bundle);
        Files.deleteIfExists(file);
        LOG.info("Plugin {} removed by {}", bundle.getSymbolicName(), request.caller().orElseThrow().username());
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (bundle.getState() != Bundle.UNINSTALLED && System.nanoTime() < deadline) {
            sleep();
        }
        platformDb.inTransaction(c -> {
            platformDb.audit(c, AuditRecord.of(request, "bundles", bundle.getBundleId(), "uninstall").before(before));
            return null;
        });
        return bundle.getState() == Bundle.UNINSTALLED ? Reply.noContent() : Reply.accepted(Map.of("status", "pending"));
    }

    /** Copies the body into a hidden file in deploy/ (same file system: the final move is atomic; File Install ignores it). */
    private Path stage(ApiRequest request) throws IOException {
        Path staged = Files.createTempFile(deploy.realPath(), ".upload-", ".part");
        try (InputStream in = request.bodyStream()) {
            Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
            return staged;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
    }

    private static JarInspection.BundleIdentity inspect(Path staged) throws IOException {
        if (Files.size(staged) == 0) {
            throw ApiException.unprocessable("not_a_bundle", Message.of("error.not_a_bundle.empty"), null);
        }
        try {
            return JarInspection.inspect(staged);
        } catch (JarInspection.NotABundle e) {
            throw ApiException.unprocessable(e.code(), Message.of("error.bundle.nothing_installed", e.text()), null);
        }
    }

    /** A path the routes are about to write or delete, refused with 422 (and logged) unless it is directly inside deploy/. */
    private static Path insideDeploy(PathSupplier path) throws IOException {
        try {
            return path.get();
        } catch (DeployFolder.OutsideDeployFolder e) {
            LOG.warn("Refused a bundle file outside deploy/: {}", e.getMessage());
            throw ApiException.unprocessable("unsafe_file_name", Message.of("error.unsafe_file_name"),
                    null);
        }
    }

    private interface PathSupplier {
        Path get() throws IOException;
    }

    /**
     * 201 (install) or 200 (update) once the bundle's module has settled and its routes are served, with
     * the module's state (FAILED with its reason is a settled outcome too); 202 with a status link when
     * that takes longer than {@link #SETTLE_TIMEOUT}: the jar is in deploy/ either way.
     */
    private Reply settled(Arrival arrival, JarInspection.BundleIdentity identity, Path file, boolean created) {
        Optional<Bundle> bundle = arrival.bundle();
        if (bundle.isEmpty()) {
            return Reply.accepted(pending(identity, file, null));
        }
        // the state await() saw settle: asking again could catch a provider DS registers a moment later, not yet read
        Optional<ModuleState> module = arrival.settled();
        if (module.isEmpty()) {
            return Reply.accepted(pending(identity, file, bundle.get().getBundleId()));
        }
        Map<String, Object> body = view(bundle.get());
        body.put("moduleState", module.get().name());
        modules.recordOf(bundle.get()).map(reporter::statusOf).map(s -> s.reason()).ifPresent(reason -> body.put("moduleReason", reason));
        return created ? Reply.created("/api/v1/bundles/" + bundle.get().getBundleId(), body) : Reply.ok(body);
    }

    /**
     * Waits up to {@link #SETTLE_TIMEOUT} for the bundle File Install installs or updates from deploy/, until
     * it is the new content ({@code arrived}) and its module has settled with its routes served. Returns the
     * bundle once found (settled or not), empty if File Install never installed it.
     */
    private Arrival await(Predicate<Bundle> which, Predicate<Bundle> arrived) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Optional<Bundle> found = Optional.empty();
        while (System.nanoTime() < deadline) {
            found = Arrays.stream(context.getBundles()).filter(which).findFirst();
            if (found.isPresent() && arrived.test(found.get())) {
                Optional<ModuleState> state = settling.settledState(found.get());
                if (state.isPresent()) {
                    return new Arrival(found, state);
                }
            }
            sleep();
        }
        return new Arrival(found, Optional.empty());
    }

    /** The bundle File Install installed or updated, if it did, and its module's state if it settled in time. */
    private record Arrival(Optional<Bundle> bundle, Optional<ModuleState> settled) {
    }

    private void audit(ApiRequest request, Long bundleId, String action, Map<String, Object> before, JarInspection.BundleIdentity identity,
            Path file) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("symbolicName", identity.symbolicName());
        after.put("version", identity.version().toString());
        after.put("file", deployDir.relativize(file).toString());
        platformDb.inTransaction(c -> {
            platformDb.audit(c, AuditRecord.of(request, "bundles", bundleId, action).before(before).after(after));
            return null;
        });
    }

    private Map<String, Object> pending(JarInspection.BundleIdentity identity, Path file, Long bundleId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "pending");
        body.put("symbolicName", identity.symbolicName());
        body.put("version", identity.version().toString());
        body.put("id", bundleId);
        body.put("statusUrl", bundleId == null ? "/api/v1/bundles" : "/api/v1/bundles/" + bundleId);
        body.put("message", "The jar is in deploy/" + file.getFileName() + " but its module was not serving within "
                + SETTLE_TIMEOUT.toSeconds() + " s; see " + body.get("statusUrl") + ", GET /api/v1/modules and the server log.");
        return body;
    }

    private Map<String, Object> view(Bundle bundle) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", bundle.getBundleId());
        view.put("symbolicName", bundle.getSymbolicName());
        view.put("version", bundle.getVersion().toString());
        view.put("state", ModuleStatusReporter.bundleStateName(bundle.getState()));
        view.put("module", modules.recordOf(bundle).map(ModuleRecord::id).orElse(null));
        view.put("source", bundle.getBundleId() == 0 ? "framework" : deployFile(bundle).isPresent() ? "deploy" : "boot");
        view.put("lastModified", java.time.Instant.ofEpochMilli(bundle.getLastModified()));
        return view;
    }

    private Bundle bundle(ApiRequest request) {
        long id = request.pathId("id");
        Bundle bundle = context.getBundle(id);
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            throw ApiException.notFound(Message.of("error.bundle.not_found", id));
        }
        return bundle;
    }

    /** The jar in deploy/ a bundle was installed from, if File Install manages it. */
    private Optional<Path> deployFile(Bundle bundle) {
        String location = bundle.getLocation();
        try {
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            Path normalized = path.toAbsolutePath().normalize();
            return deployDir.equals(normalized.getParent()) ? Optional.of(normalized) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ApiException notUploaded(Bundle bundle) {
        return ApiException.conflict("not_uploaded", Message.of("error.not_uploaded", bundle.getSymbolicName()), null);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", Message.of("error.interrupted"), null);
        }
    }
}
