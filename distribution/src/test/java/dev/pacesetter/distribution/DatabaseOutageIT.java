package dev.pacesetter.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under the shipped product (its connection runs through a proxy the test cuts, which the
 * product cannot tell from PostgreSQL stopping) and comes back: requests answer 503 {@code database_unavailable} with
 * {@code Retry-After} quickly — never 500 — health says DOWN within a second or two, and writes work again by themselves
 * once the database is back, with nothing acknowledged before lost.
 */
class DatabaseOutageIT {

    @Test
    void aDatabaseThatGoesAwayMeans503WithRetryAfterAndTheProductRecoversByItself(@TempDir Path home) throws Exception {
        URI pg = URI.create(System.getProperty("pacesetter.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres").substring(5));
        try (TcpProxy proxy = new TcpProxy(new InetSocketAddress(pg.getHost(), pg.getPort()));
                Product product = Product.startOnPostgresVia(proxy.port(), home, Map.of("PACESETTER_MODULES_ENABLED_BY_DEFAULT", "all"))) {
            Product.Client admin = product.signIn("admin", Product.ADMIN_PASSWORD);
            long owner = admin.get("/api/v1/me").expect(200).path("id").asLong();
            long before = lead(admin, owner, "停机前").expect(201).path("id").asLong();

            proxy.cut();
            for (int i = 0; i < 3; i++) {
                long began = System.nanoTime();
                Product.Reply refused = lead(admin, owner, "停机中 " + i);
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                assertEquals(503, refused.status(), refused.body());
                assertEquals("database_unavailable", refused.json().path("error").path("code").asText(), refused.body());
                assertNotNull(refused.retryAfter(), "says when to retry");
                assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "answered in " + took.toMillis() + " ms, not after a long hang");
            }
            long began = System.nanoTime();
            Product.Reply health = health(product.port());
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertEquals(503, health.status(), health.body());
            assertEquals("DOWN", health.json().path("error").path("details").path("database").asText(), health.body());
            assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "health said DOWN in " + took.toMillis() + " ms");

            proxy.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Product.Reply back;
            do {
                Thread.sleep(200);
                back = lead(admin, owner, "恢复后");
                assertTrue(back.status() == 201 || back.status() == 503, "only 2xx or 503 while recovering: " + back.status() + " " + back.body());
            } while (back.status() != 201 && System.nanoTime() < deadline);
            assertEquals(201, back.status(), "writes work again once the database is back: " + back.body());
            assertEquals("停机前", admin.get("/api/v1/leads/" + before).expect(200).path("personName").asText());
            assertEquals(200, health(product.port()).status(), "health is UP again");
        }
    }

    private static Product.Reply lead(Product.Client admin, long owner, String name) throws Exception {
        return admin.post("/api/v1/leads?allowDuplicate=true", "{\"personName\":\"" + name + "\",\"ownerId\":" + owner
                + ",\"email\":\"outage-" + System.nanoTime() + "@example.com\"}");
    }

    /** Health as anyone asks for it. */
    private static Product.Reply health(int port) throws Exception {
        var response = KernelNodes.send(port, null, "GET", "/api/v1/health", null);
        return new Product.Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }
}
