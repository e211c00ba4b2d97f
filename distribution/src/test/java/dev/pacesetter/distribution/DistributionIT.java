package dev.pacesetter.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled product, started through {@code bin/pacesetter} exactly as an administrator starts it. */
class DistributionIT {

    private static final Path DIST = Path.of(System.getProperty("pacesetter.dist", "target/pacesetter"));
    private static final Path FIXTURES = Path.of(System.getProperty("pacesetter.it.fixtures", "target/it-fixtures"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void twoInstancesRunSideBySideFromOneInstallationEachInItsOwnHome(@TempDir Path homeA, @TempDir Path homeB) throws Exception {
        int portA = freePort();
        int portB = freePort();
        Process a = start(homeA, portA);
        Process b = start(homeB, portB);
        awaitHealthy(portA, a, homeA);
        awaitHealthy(portB, b, homeB);

        assertTrue(Files.isDirectory(homeA.resolve("data/db")), "embedded H2 lives in the instance's home");
        assertTrue(Files.isDirectory(homeB.resolve("deploy")));
        assertFalse(Files.exists(DIST.resolve("data/db")), "nothing is written into the installation");

        Path temp = homeA.resolve("deploy/.hello.jar.part");
        Files.copy(FIXTURES.resolve("fixture-hello-v1.jar"), temp);
        Files.move(temp, homeA.resolve("deploy/hello.jar"), StandardCopyOption.ATOMIC_MOVE);
        awaitStatus(portA, "/api/v1/hello", 200, Duration.ofSeconds(20));
        assertEquals(404, get(portB, "/api/v1/hello").statusCode(), "the other instance is not affected");
    }

    @Test
    void theFirstStartPrintsAGeneratedAdministratorPasswordOnceAndItSignsIn(@TempDir Path home) throws Exception {
        int port = freePort();
        Process kernel = start(home, port);
        awaitHealthy(port, kernel, home);
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("password: (\\S+)").matcher("");
        for (int i = 0; i < 200 && !password.find(); i++) { // printed by the thread that creates the administrator
            Thread.sleep(100);
            password = password.pattern().matcher(Files.readString(home.resolve("console.log")));
        }
        assertTrue(password.find(0), Files.readString(home.resolve("console.log")));
        HttpRequest signIn = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password.group(1) + "\"}")).build();
        HttpResponse<String> login = HTTP.send(signIn, HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 100 && login.statusCode() == 503; i++) { // the first administrator is being created
            Thread.sleep(100);
            login = HTTP.send(signIn, HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, login.statusCode(), login.body());
        assertFalse(login.body().contains(password.group(1)));

        kernel.destroy();
        assertTrue(kernel.waitFor(30, TimeUnit.SECONDS));
        Process again = start(home, port);
        awaitHealthy(port, again, home);
        assertFalse(Files.readString(home.resolve("console.log")).contains("password: "),
                "a restart with users in the database generates and prints nothing");
    }

    @Test
    void sigtermShutsDownGracefullyAndSaysSo(@TempDir Path home) throws Exception {
        int port = freePort();
        Process kernel = start(home, port);
        awaitHealthy(port, kernel, home);

        kernel.destroy(); // SIGTERM
        assertTrue(kernel.waitFor(30, TimeUnit.SECONDS), "the kernel stops on SIGTERM");
        assertEquals(143, kernel.exitValue());
        String log = Files.readString(home.resolve("console.log"));
        assertTrue(log.contains("Pacesetter stopping: draining requests"), log);
        assertTrue(log.contains("Pacesetter stopped in"), "the last log line is flushed: " + log);
    }

    @Test
    void badConfigurationStopsAtOnceWithExitTwoAndTheKeyNamed(@TempDir Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/pacesetter").toString(), "--port", "seventy")
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("PACESETTER_HOME", home.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(Files.readString(home.resolve("console.log")).contains("pacesetter.port: 'seventy' is not a whole number"));
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithExitOneAndSaysWhatToCheck(@TempDir Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/pacesetter").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("PACESETTER_HOME", home.toString());
        builder.environment().put("PACESETTER_PORT", Integer.toString(freePort()));
        builder.environment().put("PACESETTER_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
        builder.environment().put("PACESETTER_CDS", "off");
        Process process = builder.start();
        started.add(process);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the JVM exits instead of hanging on a half-started kernel");
        assertEquals(1, process.exitValue());
        String log = Files.readString(home.resolve("console.log"));
        assertTrue(log.contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/nowhere"), log);
        assertTrue(log.contains("Check pacesetter.jdbc.url"), log);
    }

    @Test
    void aPluginJarOnTheKernelsClassPathStopsTheStartNamingIt(@TempDir Path install) throws Exception {
        // lib/ once held the plugins by mistake: the framework then hid their services from the kernel, so nothing fired
        try (var lib = Files.list(DIST.resolve("lib"))) {
            assertTrue(lib.noneMatch(jar -> jar.getFileName().toString().startsWith("plugin-")), "the shipped lib/ holds no plugin");
        }
        for (String folder : List.of("bin", "conf", "lib", "bundles")) {
            Files.createDirectories(install.resolve(folder));
            try (var files = Files.list(DIST.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, install.resolve(folder).resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path leads;
        try (var bundles = Files.list(DIST.resolve("bundles"))) {
            leads = bundles.filter(jar -> jar.getFileName().toString().startsWith("plugin-leads")).findFirst().orElseThrow();
        }
        Files.copy(leads, install.resolve("lib").resolve(leads.getFileName()));
        ProcessBuilder builder = new ProcessBuilder(install.resolve("bin/pacesetter").toString())
                .redirectErrorStream(true).redirectOutput(install.resolve("console.log").toFile());
        builder.environment().put("PACESETTER_PORT", Integer.toString(freePort()));
        builder.environment().put("PACESETTER_CDS", "off");
        Process process = builder.start();
        started.add(process);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        String log = Files.readString(install.resolve("console.log"));
        assertTrue(log.contains("plugin jars are on the kernel's class path: " + leads.getFileName()), log);
    }

    private Process start(Path home, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/pacesetter").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("PACESETTER_HOME", home.toString());
        builder.environment().put("PACESETTER_PORT", Integer.toString(port));
        builder.environment().put("PACESETTER_CDS", "off");
        builder.environment().put("PACESETTER_MODULES_ENABLED_BY_DEFAULT", "all"); // the hello fixture answers anonymous callers
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static void awaitHealthy(int port, Process process, Path home) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ": " + Files.readString(home.resolve("console.log")));
            }
            if (statusOf(port, "/api/v1/health") == 200) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never healthy: " + Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8));
    }

    private static void awaitStatus(int port, String path, int status, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (statusOf(port, path) != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered " + status);
            }
            Thread.sleep(50);
        }
    }

    private static int statusOf(int port, String path) throws InterruptedException {
        try {
            return get(port, path).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
