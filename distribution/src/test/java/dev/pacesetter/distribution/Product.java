package dev.pacesetter.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The assembled product on one database, started through {@code bin/pacesetter} with nothing but the settings an
 * administrator would give it. Closing kills it and drops what it created; {@link #restart()} stops it with SIGTERM
 * and starts it again on the same home and database.
 */
final class Product implements AutoCloseable {

    enum Db { H2, POSTGRES }

    static final String ADMIN_PASSWORD = "admin-password-for-product-tests";
    private static final String PG = System.getProperty("pacesetter.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getProperty("pacesetter.it.pg.user", "postgres");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path home;
    private final int port;
    private final Map<String, String> settings;
    private final String database;
    /** Where {@link #database} was created and is dropped: the server's {@code postgres} database. */
    private final String server;
    private Process process;

    private Product(Path home, int port, Map<String, String> settings, String database, String server) {
        this.home = home;
        this.port = port;
        this.settings = settings;
        this.database = database;
        this.server = server;
    }

    /** Starts the product in {@code home} on {@code db} and waits until health says UP. */
    static Product start(Db db, Path home, Map<String, String> settings) throws Exception {
        return start(db, home, settings, PG);
    }

    /** Starts the product on a fresh database of the PostgreSQL server on {@code port} of loopback (a test's own server). */
    static Product startOnPostgresAt(int port, Path home, Map<String, String> settings) throws Exception {
        return start(Db.POSTGRES, home, settings, "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    }

    private static Product start(Db db, Path home, Map<String, String> settings, String server) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        String database = null;
        if (db == Db.POSTGRES) {
            database = "pacesetter_product_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(server, PG_USER, ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            all.put("PACESETTER_JDBC_URL", server.substring(0, server.lastIndexOf('/') + 1) + database);
            all.put("PACESETTER_JDBC_USER", PG_USER);
        }
        Product product = new Product(home, KernelNodes.freePort(), all, database, server);
        product.launch();
        return product;
    }

    int port() {
        return port;
    }

    String log() throws IOException {
        return Files.readString(home.resolve("console.log"));
    }

    /** SIGTERM, wait for the exit, start again. */
    void restart() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no exit within 30 s of SIGTERM: " + log());
        }
        launch();
    }

    /** Sends SIGTERM and returns at once; {@link #awaitExit()} waits for the stop to finish. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end after {@link #terminate()}; returns its exit code. */
    int awaitExit() throws Exception {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no exit within 30 s of SIGTERM: " + log());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no drain, no close. */
    void kill() throws Exception {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("still alive 30 s after SIGKILL");
        }
    }

    /** Starts again on the same home and database after {@link #kill()} or {@link #awaitExit()}. */
    void restartAfterKill() throws Exception {
        launch();
    }

    private void launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(KernelNodes.DIST.resolve("bin/pacesetter").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("PACESETTER_HOME", home.toString());
        env.put("PACESETTER_PORT", Integer.toString(port));
        env.put("PACESETTER_HOST", "127.0.0.1");
        env.put("PACESETTER_CDS", "off");
        env.put("PACESETTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(settings);
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (KernelNodes.status(port, "/api/v1/health") != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ": " + log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never healthy: " + log());
            }
            Thread.sleep(100);
        }
    }

    /** A signed-in client. */
    Client signIn(String username, String password) throws Exception {
        HttpResponse<String> login = KernelNodes.send(port, null, "POST", "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (login.statusCode() != 200) {
            throw new AssertionError("sign-in of " + username + ": " + login.statusCode() + " " + login.body());
        }
        return new Client(port, KernelNodes.JSON.readTree(login.body()).path("token").asText());
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(server, PG_USER, ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /** JSON over HTTP as one signed-in user. */
    record Client(int port, String token) {

        Reply get(String path) throws Exception {
            return send("GET", path, null, null);
        }

        Reply post(String path, String json) throws Exception {
            return send("POST", path, "application/json", json);
        }

        Reply put(String path, String json) throws Exception {
            return send("PUT", path, "application/json", json);
        }

        /** A body of another type than JSON (a CSV upload). */
        Reply send(String method, String path, String contentType, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
        }
    }

    /** @param retryAfter the {@code Retry-After} header, if any */
    record Reply(int status, String body, String retryAfter) {

        JsonNode json() {
            try {
                return KernelNodes.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The reply's JSON when it has {@code expected} status, else a failure showing the body. */
        JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + body);
            }
            return json();
        }
    }
}
