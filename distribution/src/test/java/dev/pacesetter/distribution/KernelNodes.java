package dev.pacesetter.distribution;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real kernel processes started through {@code bin/pacesetter}, sharing one fresh PostgreSQL database;
 * closing kills the processes and drops the database.
 */
final class KernelNodes implements AutoCloseable {

    static final Path DIST = Path.of(System.getProperty("pacesetter.dist", "target/pacesetter"));
    static final Path FIXTURES = Path.of(System.getProperty("pacesetter.it.fixtures", "target/it-fixtures"));
    private static final String PG = System.getProperty("pacesetter.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getProperty("pacesetter.it.pg.user", "postgres");
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> started = new ArrayList<>();
    private final String database;

    KernelNodes(String prefix) throws Exception {
        database = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    /**
     * Starts a node on {@code home} with {@code fixture} in its deploy/ folder and waits until the fixture serves
     * {@code readyPath} (200, or 401 for a route that needs sign-in).
     */
    Process start(Path home, int port, String fixture, String readyPath, Map<String, String> settings) throws Exception {
        Files.createDirectories(home.resolve("deploy"));
        Path jar = home.resolve("deploy/" + fixture + ".jar");
        if (!Files.exists(jar)) {
            Files.copy(FIXTURES.resolve("fixture-" + fixture + ".jar"), jar);
        }
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/pacesetter").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("PACESETTER_HOME", home.toString());
        env.put("PACESETTER_PORT", Integer.toString(port));
        env.put("PACESETTER_HOST", "127.0.0.1");
        env.put("PACESETTER_CDS", "off");
        env.put("PACESETTER_JDBC_URL", PG.substring(0, PG.lastIndexOf('/') + 1) + database);
        env.put("PACESETTER_JDBC_USER", PG_USER);
        env.put("PACESETTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PACESETTER_MODULES_ENABLED_BY_DEFAULT", "all");
        env.putAll(settings);
        Process process = builder.start();
        started.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ": " + Files.readString(home.resolve("console.log")));
            }
            int status = status(port, readyPath);
            if (status == 200 || status == 401) {
                return process;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(readyPath + " never served: " + Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        started.forEach(Process::destroyForcibly);
        for (Process process : started) {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Connection c = DriverManager.getConnection(PG, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static String signIn(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> response = send(port, null, "POST", "/api/v1/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body()).path("token").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(200);
        }
    }

    static HttpResponse<String> send(int port, String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as JSON; a missing node reads as an empty object, so that polling carries on. */
    static JsonNode getJson(int port, String token, String path) {
        try {
            return JSON.readTree(send(port, token, "GET", path, null).body());
        } catch (IOException | InterruptedException e) {
            return JSON.createObjectNode();
        }
    }

    static int status(int port, String path) throws InterruptedException {
        try {
            return send(port, null, "GET", path, null).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    static void await(Duration bound, BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " within " + bound.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
