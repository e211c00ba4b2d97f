package dev.pacesetter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.platform.api.Role;

/**
 * The real kernel, for a plugin's integration tests: its own process, home folder and database (H2, or a fresh
 * PostgreSQL one), with the framework's bundles and every plugin on the test's class path — the plugin under test,
 * and the plugins it needs as test dependencies — installed in {@code bundles/}, every module on in every region, and
 * an administrator signed in.
 *
 * <pre>
 * try (TestKernel kernel = TestKernel.on(TestDatabase.H2).adjustableClock().start()) {
 *     TestClient rep = kernel.userWith("rep1", Role.REP);
 *     long id = rep.post("/api/v1/notes", "{\"text\":\"hi\"}").expect(201).path("id").asLong();
 *     kernel.advanceClock(Duration.ofHours(24));
 *     kernel.awaitEvent("nps/survey.due", e -&gt; e.path("noteId").asLong() == id, Duration.ofSeconds(10));
 * }
 * </pre>
 */
public final class TestKernel implements AutoCloseable {

    /** The password of every user the kit creates (and of the first administrator). */
    public static final String PASSWORD = "kit-password-" + HexFormat.of().formatHex(randomBytes(6));

    private static final Duration START_BOUND = Duration.ofSeconds(90);

    private final Process process;
    private final Path home;
    private final Path log;
    private final TestDatabase.Provisioned database;
    private final URI base;
    private final TestClient admin;
    private final ClassPathBundles classPath;
    /** Numbers what tests create in this kernel under unique names ({@link PilotOrganisation}): it may be shared. */
    private final AtomicInteger serial = new AtomicInteger();

    private TestKernel(Process process, Path home, Path log, TestDatabase.Provisioned database, URI base, ClassPathBundles classPath) {
        this.process = process;
        this.home = home;
        this.log = log;
        this.database = database;
        this.base = base;
        this.classPath = classPath;
        this.admin = new TestClient(base, signIn(base, "admin"), null);
    }

    /** A module that failed to start fails the test at once, with its reason, rather than as a 404 later. */
    private void requireNoFailedModule() {
        List<String> failed = new ArrayList<>();
        for (JsonNode module : admin.get("/api/v1/modules").expect(200).path("items")) {
            if ("FAILED".equals(module.path("state").asText())) {
                failed.add(module.path("id").asText() + ": " + module.path("reason").asText());
            }
        }
        if (!failed.isEmpty()) {
            throw new AssertionError("module(s) FAILED in the test kernel: " + String.join("; ", failed) + "\n" + tail(log));
        }
    }

    /** A kernel on {@code database}, to configure and {@link Builder#start() start}. */
    public static Builder on(TestDatabase database) {
        return new Builder(database);
    }

    /** What a test kernel runs with. */
    public static final class Builder {

        private final TestDatabase database;
        private final List<Path> plugins = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Set<String> overRest = new LinkedHashSet<>();

        private Builder(TestDatabase database) {
            this.database = database;
        }

        /** Installs a plugin jar that is not on the class path. */
        public Builder plugin(Path jar) {
            plugins.add(jar);
            return this;
        }

        /**
         * Installs the class path's plugin of {@code module} (its {@code Pacesetter-Module} id) over REST once the kernel
         * is up, as an administrator would, instead of from {@code bundles/}: so that a test can uninstall it and install
         * it again ({@link TestKernel#uninstallBundle}, {@link TestKernel#installPlugin}), which a plugin started from
         * {@code bundles/} does not allow. Plugins are installed in the order named (a plugin using another's api package
         * after it).
         */
        public Builder installedOverRest(String module) {
            overRest.add(module);
            return this;
        }

        /** Lets the test move the clock ({@link #advanceClock}); sign-ins last a year of moved time. */
        public Builder adjustableClock() {
            settings.put("clock.adjustable", "true");
            settings.put("session.ttl.seconds", "31536000");
            return this;
        }

        /** Any kernel setting, by its key without {@code pacesetter.}: {@code setting("scheduler.poll.ms", "100")}. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Starts the kernel; the test closes it. To share one kernel between test classes, see {@link SharedKernels}. */
        public TestKernel start() {
            return TestKernel.start(this);
        }

        /** What this builder starts, as a key: two builders with equal keys start equal kernels. */
        String configuration() {
            return database + " plugins=" + plugins + " over REST=" + overRest + " settings=" + settings;
        }
    }

    private static TestKernel start(Builder builder) {
        Path home;
        try {
            home = Files.createTempDirectory("pacesetter-kit-");
            Path bundles = Files.createDirectories(home.resolve("bundles"));
            Files.createDirectories(home.resolve("conf"));
            try (InputStream logback = TestKernel.class.getResourceAsStream("logback.xml")) {
                Files.copy(logback, home.resolve("conf/logback.xml"));
            }
            ClassPathBundles sorted = ClassPathBundles.ofThisJvm();
            List<Path> install = new ArrayList<>(sorted.bundles);
            for (String module : builder.overRest) {
                install.remove(sorted.plugin(module));
            }
            install.addAll(builder.plugins);
            for (Path bundle : install) {
                Files.copy(bundle, bundles.resolve(bundle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            TestDatabase.Provisioned database = builder.database.provision();
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xss1m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + home.resolve("conf/logback.xml"),
                    "-cp", sorted.kernelClassPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                    "dev.pacesetter.kernel.Pacesetter", "--home=" + home, "--install-dir=" + home, "--bundles-dir=" + bundles,
                    "--port=" + port, "--host=127.0.0.1", "--admin-password=" + PASSWORD, "--modules-enabled-by-default=all"));
            command.addAll(database.kernelFlags());
            builder.settings.forEach((key, value) -> command.add("--" + key.replace('.', '-') + "=" + value));
            Path log = home.resolve("kernel.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI base = URI.create("http://127.0.0.1:" + port);
            try {
                awaitUp(process, base, log);
                TestKernel kernel = new TestKernel(process, home, log, database, base, sorted);
                builder.overRest.forEach(kernel::installPlugin);
                kernel.requireNoFailedModule();
                return kernel;
            } catch (RuntimeException | Error e) {
                process.destroyForcibly();
                database.close();
                delete(home);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the test kernel", e);
        }
    }

    private static void awaitUp(Process process, URI base, Path log) {
        TestClient anonymous = new TestClient(base, null, null);
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the test kernel stopped while starting (exit " + process.exitValue() + "):\n" + tail(log));
            }
            try {
                if (anonymous.get("/api/v1/health").status() == 200) {
                    return;
                }
            } catch (AssertionError notListeningYet) {
                // the gateway is not up yet
            }
            sleep(100);
        }
        throw new AssertionError("the test kernel was not healthy within " + START_BOUND.toSeconds() + " s:\n" + tail(log));
    }

    private static String signIn(URI base, String username) {
        TestClient anonymous = new TestClient(base, null, null);
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
        TestResponse[] last = {null};
        await(Duration.ofSeconds(30), () -> (last[0] = anonymous.post("/api/v1/auth/login", body)).status() != 503, "sign-in stayed unavailable");
        return last[0].expect(200).path("token").asText();
    }

    /** The first administrator. */
    public TestClient admin() {
        return admin;
    }

    /** No credentials at all. */
    public TestClient anonymous() {
        return new TestClient(base, null, null);
    }

    /**
     * A new user with {@code roles} (in no team), signed in. Their password is {@link #PASSWORD}.
     *
     * @param username lower-case letters, digits, dots, dashes
     */
    public TestClient userWith(String username, Role... roles) {
        String list = Stream.of(roles).map(r -> "\"" + r.name() + "\"").collect(Collectors.joining(","));
        admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[" + list + "]}").expect(201);
        return new TestClient(base, signIn(base, username), null);
    }

    /** Signs in as an existing user. */
    public TestClient signedInAs(String username) {
        return new TestClient(base, signIn(base, username), null);
    }

    /** Builds the organisation over REST as an administrator: regions, teams, users in teams, their managers. */
    public TestOrganisation organisation() {
        return new TestOrganisation(this, admin);
    }

    /** A number this kernel has not handed out before, for names that must be unique in a kernel that tests share. */
    int nextSerial() {
        return serial.incrementAndGet();
    }

    /**
     * Installs the class path's plugin of {@code module} over REST ({@code POST /api/v1/bundles}) as an administrator
     * does, and returns its bundle id once the kernel answered 201: started, its module settled, its routes served.
     */
    public long installPlugin(String module) {
        byte[] jar;
        try {
            jar = Files.readAllBytes(classPath.plugin(module));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return admin.upload("POST", "/api/v1/bundles", "application/java-archive", jar).expect(201).path("id").asLong();
    }

    /** The id of the bundle that brings {@code module} ({@code GET /api/v1/bundles}); an {@link AssertionError} if none does. */
    public long bundleId(String module) {
        for (JsonNode bundle : admin.get("/api/v1/bundles").expect(200).path("items")) {
            if (module.equals(bundle.path("module").asText(null))) {
                return bundle.path("id").asLong();
            }
        }
        throw new AssertionError("no bundle brings module " + module);
    }

    /**
     * Uninstalls a bundle installed over REST ({@code DELETE /api/v1/bundles/{id}}); its module's data stays. See
     * {@link Builder#installedOverRest} for a plugin of the class path.
     */
    public void uninstallBundle(long bundleId) {
        admin.delete("/api/v1/bundles/" + bundleId).expect(204);
    }

    /**
     * Switches {@code module} off in the region {@code regionCode}, leaving it on wherever else it is on: its routes
     * answer {@code 404 module_not_enabled} to that region's users. Undo with {@link #enableModuleEverywhere(String)}.
     */
    public void disableModuleIn(String module, String regionCode) {
        JsonNode enabled = admin.get("/api/v1/modules/" + module).expect(200).path("enabledRegions");
        List<String> regions = new ArrayList<>();
        if (enabled.isArray()) {
            enabled.forEach(code -> regions.add(code.asText()));
        } else {
            admin.get("/api/v1/regions").expect(200).path("items").forEach(region -> regions.add(region.path("code").asText()));
        }
        regions.remove(regionCode);
        String list = regions.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(","));
        admin.put("/api/v1/modules/" + module + "/enablement", "{\"regions\":[" + list + "]}").expect(200);
    }

    /** Switches {@code module} on in every region, those created later included (as the kit's kernels start). */
    public void enableModuleEverywhere(String module) {
        admin.put("/api/v1/modules/" + module + "/enablement", "{\"regions\":\"all\"}").expect(200);
    }

    /** Moves the kernel's clock forward (needs {@link Builder#adjustableClock()}): deadlines, jobs and plugins follow. */
    public void advanceClock(Duration by) {
        admin.post("/api/v1/clock/advance", "{\"by\":\"" + by + "\"}").expect(200);
    }

    /**
     * Waits for the first event of {@code topic} ({@code leads/lead.created}, or {@code leads/*}) whose JSON
     * ({@code {position, id, module, topic, aggregateId, occurredAt, payload}}) matches, and returns it.
     */
    public JsonNode awaitEvent(String topic, Predicate<JsonNode> which, Duration within) {
        JsonNode[] found = {null};
        await(within, () -> (found[0] = events(topic).stream().filter(which).findFirst().orElse(null)) != null, "no " + topic + " event matched");
        return found[0];
    }

    /**
     * Every event of {@code topic} ({@code leads/lead.created}, or {@code leads/*}) published so far, oldest first, as
     * {@link #awaitEvent} sees them: to check that an event was published once, or not at all.
     */
    public List<JsonNode> events(String topic) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = admin.get("/api/v1/events?limit=500&after=" + after + "&topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8))
                    .expect(200);
            page.path("items").forEach(events::add);
            if (page.path("nextAfter").isNull() || page.path("nextAfter").isMissingNode()) {
                return events;
            }
            after = page.path("nextAfter").asLong();
        }
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@code bound}. */
    public static void await(Duration bound, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within " + bound.toMillis() + " ms");
            }
            sleep(50);
        }
    }

    /** Where the kernel is: {@code http://127.0.0.1:<port>}. */
    public URI base() {
        return base;
    }

    /** The kernel's home folder (bundles/, deploy/, data/, kernel.log). */
    public Path home() {
        return home;
    }

    /** Everything the kernel logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the kernel gracefully (SIGTERM), drops its database and deletes its home. Not for a kernel from
     * {@link SharedKernels}: JUnit closes those when the test run ends.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            database.close();
            delete(home);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a test for
        }
    }
}
