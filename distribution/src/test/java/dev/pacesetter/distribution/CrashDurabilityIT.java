package dev.pacesetter.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A 2xx means durable: the shipped product is killed with SIGKILL while three writers create leads, restarted, and
 * every lead it acknowledged (201 with an id) must be there under that id with that name — none lost, no id given to
 * another lead. {@code -Dpacesetter.it.kills=N} (default 1 per database) runs more rounds.
 */
class CrashDurabilityIT {

    private static final int KILLS = Integer.getInteger("pacesetter.it.kills", 1);
    private static final int WRITERS = 3;

    @ParameterizedTest
    @EnumSource(Product.Db.class)
    void everyAcknowledgedLeadSurvivesAKillMinus9UnderConcurrentWrites(Product.Db db, @TempDir Path home) throws Exception {
        try (Product product = Product.start(db, home, Map.of("PACESETTER_MODULES_ENABLED_BY_DEFAULT", "all"))) {
            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger sequence = new AtomicInteger();
            for (int round = 0; round < KILLS; round++) {
                Product.Client admin = product.signIn("admin", Product.ADMIN_PASSWORD);
                long owner = admin.get("/api/v1/me").expect(200).path("id").asLong();
                int before = acknowledged.size();
                writeUntilKilled(product, admin, owner, acknowledged, sequence);
                assertTrue(acknowledged.size() > before, "round " + round + ": some writes were acknowledged before the kill");
                product.restartAfterKill();
                Product.Client after = product.signIn("admin", Product.ADMIN_PASSWORD);
                List<String> lost = new ArrayList<>();
                for (Map.Entry<Long, String> lead : acknowledged.entrySet()) {
                    Product.Reply read = after.get("/api/v1/leads/" + lead.getKey());
                    if (read.status() != 200) {
                        lost.add(lead.getKey() + " (" + read.status() + ")");
                    } else if (!lead.getValue().equals(read.json().path("personName").asText())) {
                        lost.add(lead.getKey() + " now belongs to " + read.json().path("personName").asText());
                    }
                }
                assertEquals(List.of(), lost, "round " + round + " on " + db + ": acknowledged leads lost or their ids reused, of "
                        + acknowledged.size());
            }
        }
    }

    /** Three writers create leads as fast as they are answered; the process is killed while they are at it. */
    private static void writeUntilKilled(Product product, Product.Client admin, long owner, Map<Long, String> acknowledged,
            AtomicInteger sequence) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.execute(() -> {
                while (!killed.get()) {
                    int n = sequence.incrementAndGet();
                    String name = "崩溃测试 " + n;
                    try {
                        Product.Reply created = admin.post("/api/v1/leads", "{\"personName\":\"" + name + "\",\"ownerId\":" + owner
                                + ",\"phone\":\"+86 139 " + String.format("%08d", n) + "\"}");
                        if (created.status() == 201) {
                            JsonNode body = created.json();
                            acknowledged.put(body.path("id").asLong(), name);
                            answered.incrementAndGet();
                        }
                    } catch (Exception connectionGone) {
                        // the kill: whatever was not answered was not acknowledged
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (answered.get() < 30 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(50, 400)); // a different moment each round
        product.kill();
        killed.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "writers stop once the process is gone");
    }
}
