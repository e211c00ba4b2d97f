package dev.pacesetter.kernel.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver as a customer would run one: the JDK's HTTP server on {@code localhost}, a port of
 * its own, answering each request with the status the test scripts (by the request's number, from 1).
 * It records what arrived and verifies signatures the way the README tells receivers to.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived; {@code atNanos} is {@link System#nanoTime()} on arrival. */
    record Received(String path, Map<String, String> headers, String body, long atNanos) {

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The README's recipe: HMAC-SHA256 of "timestamp.body" with the secret, hex, compared in constant time. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((header("Pacesetter-Timestamp") + "." + body).getBytes(StandardCharsets.UTF_8));
                String sent = header("Pacesetter-Signature");
                return sent != null && sent.startsWith("v1=")
                        && java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(sent.substring(3)));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    /** @param status the status for the n-th request (1-based) */
    WebhookReceiver(IntUnaryOperator status) throws IOException {
        // bound to what "localhost" means in this JVM, which is also how the kernel (same JVM) resolves it
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8), System.nanoTime()));
            exchange.sendResponseHeaders(status.applyAsInt(count.incrementAndGet()), -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of {@code path} on this receiver, as a webhook subscribes it. */
    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** What arrived for the event of aggregate {@code aggregateId}, in order of arrival. */
    List<Received> about(String aggregateId) {
        return received.stream().filter(r -> r.json().path("aggregateId").asText().equals(aggregateId)).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
