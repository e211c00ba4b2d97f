package dev.pacesetter.kernel.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import dev.pacesetter.kernel.internal.config.ConfigLoader;
import dev.pacesetter.kernel.internal.launch.Kernel;

/**
 * A real kernel in a temporary home: real Felix with the real infrastructure bundles, the chosen fixture
 * plugins in bundles/, the gateway on a free port, and H2 or a fresh PostgreSQL database.
 */
public final class KernelHarness implements AutoCloseable {

    static final Path INFRA_BUNDLES = Path.of(System.getProperty("pacesetter.it.bundles", "target/it-bundles"));
    static final Path FIXTURES = Path.of(System.getProperty("pacesetter.it.fixtures", "target/it-fixtures"));

    private final Path home;
    private final Database.Provisioned database;
    private final List<String> args;
    private Kernel kernel;
    /** The first administrator's password in every test kernel. */
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final Http anonymous;
    private Http admin;

    private KernelHarness(Path home, Database.Provisioned database, Kernel kernel, List<String> args) {
        this.args = args;
        this.home = home;
        this.database = database;
        this.kernel = kernel;
        this.anonymous = new Http(kernel.port());
    }

    /**
     * @param fixtures fixture plugins (e.g. {@code "hello-v1"}) placed in bundles/
     * @param flags extra command-line flags
     */
    public static KernelHarness start(Database db, List<String> fixtures, String... flags) throws Exception {
        KernelHarness harness = startWithoutWaiting(db, fixtures, flags);
        try {
            harness.awaitHealthy();
            harness.http(); // signs in, so every test starts after the first administrator exists
            return harness;
        } catch (Exception | Error e) {
            harness.close();
            throw e;
        }
    }

    /** A kernel just as {@code Kernel.start} returns it: nothing awaited, nobody signed in. */
    public static KernelHarness startWithoutWaiting(Database db, String... flags) throws Exception {
        return startWithoutWaiting(db, List.of(), flags);
    }

    private static KernelHarness startWithoutWaiting(Database db, List<String> fixtures, String... flags) throws Exception {
        Path home = Files.createTempDirectory("pacesetter-it-");
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        try (Stream<Path> infra = Files.list(INFRA_BUNDLES)) {
            for (Path jar : infra.toList()) {
                Files.copy(jar, bundles.resolve(jar.getFileName()));
            }
        }
        for (String fixture : fixtures) {
            Files.copy(fixture(fixture), bundles.resolve("fixture-" + fixture + ".jar"));
        }
        Database.Provisioned provisioned = db.provision();
        List<String> args = new ArrayList<>(List.of("--install-dir=" + home, "--home=" + home, "--port=0", "--host=127.0.0.1",
                "--deploy-poll-ms=100", "--admin-password=" + ADMIN_PASSWORD, "--modules-enabled-by-default=all"));
        args.addAll(provisioned.kernelFlags());
        args.addAll(List.of(flags));
        try {
            Kernel kernel = Kernel.start(new ConfigLoader(Map.of(), new Properties()).load(args.toArray(String[]::new)));
            return new KernelHarness(home, provisioned, kernel, args);
        } catch (Exception | Error e) {
            provisioned.close();
            throw e;
        }
    }

    /** A fixture plugin's jar ({@code "hello-v1"}). */
    public static Path fixture(String name) {
        return FIXTURES.resolve("fixture-" + name + ".jar");
    }

    /** A client signed in as the first administrator. */
    public synchronized Http http() {
        if (admin == null) {
            admin = anonymous.as(login("admin", ADMIN_PASSWORD));
        }
        return admin;
    }

    /** A client without credentials. */
    public Http anonymous() {
        return anonymous;
    }

    /** Signs in and returns the bearer token (waiting out the 503 while the first administrator is created). */
    public String login(String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        Http.Result[] last = {null};
        await(Duration.ofSeconds(20), () -> (last[0] = anonymous.post("/api/v1/auth/login", body)).status() != 503,
                "sign-in stayed unavailable");
        Http.Result result = last[0];
        if (result.status() != 200) {
            throw new AssertionError("sign-in as " + username + " failed: " + result.status() + " " + result.body());
        }
        return result.json().path("token").asText();
    }

    public Path home() {
        return home;
    }

    /**
     * A JDBC connection to the kernel's own database, for tests that must see or plant what no route shows
     * (a password hash written by an older kernel). Embedded H2 is shared with the kernel in this JVM.
     */
    public java.sql.Connection database() throws java.sql.SQLException {
        for (String flag : database.kernelFlags()) {
            if (flag.startsWith("--jdbc-url=")) {
                return java.sql.DriverManager.getConnection(flag.substring("--jdbc-url=".length()), Database.PG_USER, "");
            }
        }
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + home.toAbsolutePath().resolve("data/db/pacesetter")
                + dev.pacesetter.kernel.internal.db.PooledDataSource.EMBEDDED_SETTINGS);
    }

    /** Copies a fixture into deploy/ the safe way: to a temporary name, then an atomic rename. */
    public void deploy(String fixture, String jarName) throws IOException {
        deploy(fixture(fixture), jarName);
    }

    /** {@link #deploy(String, String)} for a jar a test built itself. */
    public void deploy(Path jar, String jarName) throws IOException {
        Path deploy = home.resolve("deploy");
        Path temp = deploy.resolve("." + jarName + ".part");
        Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, deploy.resolve(jarName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public void undeploy(String jarName) throws IOException {
        Files.delete(home.resolve("deploy").resolve(jarName));
    }

    /**
     * Moves the platform clock forward over REST, as an administrator: deadlines, jobs and token expiry follow. Needs a
     * kernel started with {@link #withAdjustableClock}; sessions outlive the step only with a long enough TTL.
     */
    public void advanceClock(Duration by) {
        Http.Result moved = http().post("/api/v1/clock/advance", "{\"by\":\"" + by + "\"}");
        if (moved.status() != 200) {
            throw new AssertionError("the clock did not move: " + moved.status() + " " + moved.body());
        }
    }

    /** {@code flags} and those of a kernel whose clock tests move: adjustable, and sign-ins that last a year of moved time. */
    public static String[] withAdjustableClock(String... flags) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(flags), java.util.stream.Stream.of("--clock-adjustable=true",
                "--session-ttl-seconds=31536000")).toArray(String[]::new);
    }

    public void awaitHealthy() {
        String[] last = {""};
        try {
            await(Duration.ofSeconds(20), () -> {
                Http.Result health = anonymous.get("/api/v1/health");
                last[0] = health.body();
                return health.status() == 200;
            }, "health never reported UP");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer: " + last[0], e);
        }
    }

    /** Polls until {@code condition} holds, failing with {@code message} after {@code bound}. */
    public static void await(Duration bound, BooleanSupplier condition, String message) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " within " + bound.toMillis() + " ms");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Stops the kernel gracefully and starts it again on the same home, database and port (so clients and
     * their tokens stay valid); {@code downtime} passes in between.
     */
    public synchronized void restart(Duration downtime) throws Exception {
        int port = kernel.port();
        kernel.close();
        Thread.sleep(downtime.toMillis());
        List<String> again = args.stream().map(a -> a.equals("--port=0") ? "--port=" + port : a).toList();
        kernel = Kernel.start(new ConfigLoader(Map.of(), new Properties()).load(again.toArray(String[]::new)));
        awaitHealthy();
    }

    /** Shuts the kernel down gracefully, as SIGTERM does; the home folder stays until {@link #close()}. */
    public void stopKernel() {
        kernel.close();
    }

    @Override
    public void close() throws IOException {
        try {
            kernel.close();
        } finally {
            database.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
