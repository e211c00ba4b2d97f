package dev.pacesetter.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SIGTERM while three writers create leads and a client downloads a large CSV export slowly: the export completes,
 * every write is either acknowledged (and there after the restart) or refused with {@code 503 shutting_down} and
 * {@code Retry-After} (or finds the port closed), never a 500, and the stop logs no warning or error.
 */
class GracefulStopIT {

    /** About 4.3 MB of CSV: more than the socket buffers between kernel and client take in while the client waits. */
    private static final int LEADS = 30_000;
    private static final int WRITERS = 3;
    private static final String CSV_HEADER = "externalId,personName,company,phone,email,intent,budgetStatus,budgetAmount,budgetCurrency,"
            + "decisionRole,owner,tags\n";

    @ParameterizedTest
    @EnumSource(Product.Db.class)
    void writesAndAnExportInFlightFinishAndLaterRequestsAreTurnedAwayCleanly(Product.Db db, @TempDir Path home) throws Exception {
        try (Product product = Product.start(db, home, Map.of("PACESETTER_MODULES_ENABLED_BY_DEFAULT", "all"))) {
            Product.Client admin = product.signIn("admin", Product.ADMIN_PASSWORD);
            importLeads(admin);

            try (Socket export = new Socket()) {
                // a small receive window keeps the server writing the export for as long as this client takes to read it
                export.setReceiveBufferSize(4096);
                export.connect(new InetSocketAddress("127.0.0.1", product.port()));
                export.getOutputStream().write(("GET /api/v1/leads/export HTTP/1.0\r\nAuthorization: Bearer " + admin.token() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream download = export.getInputStream();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                received.write(download.readNBytes(8192));

                Map<Long, String> acknowledged = new ConcurrentHashMap<>();
                Queue<String> unexpected = new ConcurrentLinkedQueue<>();
                AtomicInteger turnedAway = new AtomicInteger();
                Queue<String> unanswered = new ConcurrentLinkedQueue<>();
                ExecutorService writers = startWriters(product, admin, acknowledged, unexpected, unanswered, turnedAway);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (acknowledged.size() < 30) {
                    assertTrue(System.nanoTime() < deadline, "writes are acknowledged before the stop: " + unexpected);
                    Thread.sleep(5);
                }
                product.terminate();
                while (!product.log().contains("Pacesetter stopping")) {
                    assertTrue(System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(30), "the stop begins after SIGTERM");
                    Thread.sleep(20); // the download stalls until the drain has begun
                }
                download.transferTo(received);
                product.awaitExit();
                writers.shutdown();
                assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));

                String response = received.toString(StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 200"), response.lines().findFirst().orElse(""));
                String body = response.substring(response.indexOf("\r\n\r\n") + 4);
                assertEquals(LEADS + 1, body.lines().count(), "the export in flight completed: header and every lead");
                assertTrue(body.endsWith("\n"), "the export ends with a complete row");
                String log = product.log();
                String stop = log.substring(log.indexOf("Pacesetter stopping"));
                assertTrue(stop.indexOf("GET /api/v1/leads/export 200") > 0,
                        "the export was still being written when the stop began:\n" + stop);
                assertEquals(List.of(), unexpected.stream().toList(), "writes answer 201 or 503 shutting_down, nothing else");
                assertEquals(List.of(), stop.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList(),
                        "a clean stop logs no warning or error");

                product.restartAfterKill();
                Product.Client after = product.signIn("admin", Product.ADMIN_PASSWORD);
                List<Long> lost = new ArrayList<>();
                for (Map.Entry<Long, String> lead : acknowledged.entrySet()) {
                    Product.Reply read = after.get("/api/v1/leads/" + lead.getKey());
                    if (read.status() != 200 || !lead.getValue().equals(read.json().path("personName").asText())) {
                        lost.add(lead.getKey());
                    }
                }
                assertEquals(List.of(), lost, "acknowledged writes survive the stop, of " + acknowledged.size()
                        + " (" + turnedAway.get() + " turned away with 503)");
                for (String name : unanswered) {
                    String found = after.get("/api/v1/leads?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).body();
                    assertTrue(!found.contains("\"" + name + "\""), "a write the stop left unanswered was not done either: " + name);
                }
            }
        }
    }

    private static void importLeads(Product.Client admin) throws Exception {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int i = 0; i < LEADS; i++) {
            csv.append("ext-").append(i).append(",导出测试 ").append(i).append(",公司 ").append(i % 97).append(",+86 138 ")
                    .append(String.format("%08d", i)).append(",,,,,,,admin,\n");
        }
        Product.Reply accepted = admin.send("POST", "/api/v1/leads/imports?fileName=leads.csv", "text/csv", csv.toString());
        String location = "/api/v1/leads/imports/" + accepted.expect(202).path("id").asLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode state = admin.get(location).expect(200);
        while (!state.path("status").asText().equals("DONE")) {
            assertTrue(!state.path("status").asText().equals("FAILED") && System.nanoTime() < deadline, state.toString());
            Thread.sleep(100);
            state = admin.get(location).expect(200);
        }
        assertEquals(LEADS, state.path("counts").path("created").asInt(), state.toString());
    }

    /** Writers that go on until the port closes, sorting every answer. */
    private static ExecutorService startWriters(Product product, Product.Client admin, Map<Long, String> acknowledged,
            Queue<String> unexpected, Queue<String> unanswered, AtomicInteger turnedAway) {
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.execute(() -> {
                while (product.isAlive()) {
                    int n = sequence.incrementAndGet();
                    String name = "停机测试 " + n;
                    try {
                        Product.Reply created = admin.post("/api/v1/leads", "{\"personName\":\"" + name + "\",\"ownerId\":1,\"phone\":\"+86 139 "
                                + String.format("%08d", n) + "\"}");
                        if (created.status() == 201) {
                            acknowledged.put(created.json().path("id").asLong(), name);
                        } else if (created.status() == 503 && created.retryAfter() != null
                                && created.json().path("error").path("code").asText().equals("shutting_down")) {
                            turnedAway.incrementAndGet();
                        } else {
                            unexpected.add(created.status() + " " + created.body());
                        }
                    } catch (ConnectException portClosed) {
                        return;
                    } catch (java.io.IOException closedUnanswered) {
                        // a keep-alive connection closed as the server stopped: fine if the write was not done (checked after the restart)
                        unanswered.add(name);
                    } catch (Exception e) {
                        unexpected.add(e.toString());
                    }
                }
            });
        }
        return writers;
    }
}
