package dev.pacesetter.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL — the test's own server, not the shared one — is stopped ({@code pg_ctl stop -m fast}) and started again
 * while three writers create leads and a reader lists them without pause, and a monitor asks for health. Every answer,
 * before, during and after, is 2xx or 503 {@code database_unavailable} with {@code Retry-After} — or, for a write whose
 * connection broke during its commit, 503 {@code commit_outcome_unknown}, since it may or may not be stored (never a 500, never a
 * hang: each 503 within 3 s); health says 503 with the database DOWN within 2 s of the stop; writes work again by
 * themselves within seconds of the start; every acknowledged lead reads back with its name, and no refused one was
 * stored. The figures are printed; {@code -Dpacesetter.it.outage.timeline=true} also prints every answer around the
 * outage, the server's log and the product's warnings.
 */
class DatabaseOutageIT {

    private static final int WRITERS = 3;
    private static final Duration QUICK_503 = Duration.ofSeconds(3);
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(2);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(15);

    /** One answer (status -1: no answer at all), with when it was asked and answered ({@link System#nanoTime()}). */
    record Answer(String who, String lead, long asked, long answered, int status, String retryAfter, String code, String body) {

        com.fasterxml.jackson.databind.JsonNode json() {
            return new Product.Reply(status, body, retryAfter).json();
        }

        Duration took() {
            return Duration.ofNanos(answered - asked);
        }

        boolean acceptable() {
            return status >= 200 && status < 300 || refused() || inDoubt();
        }

        /** Refused before anything was committed: nothing may have been stored. */
        boolean refused() {
            return status == 503 && retryAfter != null && "database_unavailable".equals(code);
        }

        /** The connection broke during the commit: stored or not, nobody can know, and the answer says so. */
        boolean inDoubt() {
            return status == 503 && retryAfter != null && "commit_outcome_unknown".equals(code);
        }

        @Override
        public String toString() {
            return who + (lead == null ? "" : " " + lead) + ": " + status + " in " + took().toMillis() + " ms, Retry-After "
                    + retryAfter + (status >= 300 || status < 0 ? ", " + body : "");
        }
    }

    @Test
    void postgresStoppedAndStartedUnderLoadMeans503WithRetryAfterThenRecoveryWithNothingLost(@TempDir Path home) throws Exception {
        try (OwnPostgres pg = OwnPostgres.start();
                Product product = Product.startOnPostgresAt(pg.port(), home, Map.of("PACESETTER_MODULES_ENABLED_BY_DEFAULT", "all"))) {
            Product.Client admin = product.signIn("admin", Product.ADMIN_PASSWORD);
            long owner = admin.get("/api/v1/me").expect(200).path("id").asLong();
            Load load = new Load(product.port(), admin, owner);
            try {
                load.start();
                await(Duration.ofSeconds(60), () -> load.writersWith(a -> a.status == 201, 0, 3) && load.readerWith(a -> a.status == 200, 0),
                        "every writer acknowledged and the reader served before the stop", load);

                long stopAsked = System.nanoTime();
                pg.stop();
                long stopped = System.nanoTime();
                // the server logs when it received the stop: the moment it went away, without the test's process start-up
                long stopReceived = pg.nanoTimeOf("received fast shutdown request");
                await(Duration.ofSeconds(20), () -> load.healthDownAfter(stopReceived) != null
                        && load.writersWith(a -> a.status == 503, stopped, 1) && load.readerWith(a -> a.status == 503, stopped),
                        "health DOWN, and every writer and the reader refused with 503, while PostgreSQL is stopped", load);

                long startAsked = System.nanoTime();
                pg.startServer();
                long started = System.nanoTime();
                long ready = pg.nanoTimeOf("database system is ready to accept connections");
                await(BACK_WITHIN, () -> load.writersWith(a -> a.status == 201, ready, 2) && load.readerWith(a -> a.status == 200, ready)
                        && load.healthUpAfter(ready) != null, "writes, reads and health back by themselves after PostgreSQL started", load);
                load.stop();

                Answer down = load.healthDownAfter(stopReceived);
                Answer up = load.healthUpAfter(ready);
                long firstWriteBack = load.answers.stream().filter(a -> a.who.startsWith("writer") && a.status == 201 && a.answered > ready)
                        .mapToLong(Answer::answered).min().orElseThrow();
                Predicate<Answer> api = a -> !a.who.equals("health");
                List<Answer> outage = load.answers.stream().filter(a -> a.answered >= stopReceived && a.answered <= ready).toList();
                List<Answer> refused = load.answers.stream().filter(a -> a.refused() && a.who.startsWith("writer")).toList();
                List<Answer> inDoubt = load.answers.stream().filter(a -> a.inDoubt() && a.who.startsWith("writer")).toList();
                List<String> lost = lost(admin, load.acknowledged);
                List<String> refusedYetStored = stored(admin, refused);
                List<String> inDoubtStored = stored(admin, inDoubt);

                System.out.printf("DatabaseOutageIT, PostgreSQL %s (the test's own, port %d) stopped and started under 3 writers + 1 reader:%n",
                        pg.version(), pg.port());
                System.out.printf("  down %d ms (stop received .. ready again); pg_ctl stop -m fast took %d ms, pg_ctl start %d ms%n",
                        ms(ready - stopReceived), ms(stopped - stopAsked), ms(started - startAsked));
                System.out.printf("  answers while down: %s, health %s; slowest %d ms; slowest 503 overall %d ms%n",
                        byStatus(outage, api), byStatus(outage, api.negate()),
                        outage.stream().filter(api).mapToLong(a -> a.took().toMillis()).max().orElse(0),
                        load.answers.stream().filter(a -> a.status == 503 && api.test(a)).mapToLong(a -> a.took().toMillis()).max().orElse(0));
                System.out.printf("  health DOWN %d ms after PostgreSQL received the stop (%d ms after pg_ctl stop was run); UP %d ms after it was ready%n",
                        ms(down.answered - stopReceived), ms(down.answered - stopAsked), ms(up.answered - ready));
                System.out.printf("  first write acknowledged %d ms after PostgreSQL was ready again%n", ms(firstWriteBack - ready));
                System.out.printf("  all answers %s; acknowledged leads %d, lost %d; refused writes %d, of which stored %d;"
                        + " commit outcome unknown %d, of which stored %d%n", byStatus(load.answers, api), load.acknowledged.size(),
                        lost.size(), refused.size(), refusedYetStored.size(), inDoubt.size(), inDoubtStored.size());
                if (Boolean.getBoolean("pacesetter.it.outage.timeline")) {
                    load.answers.stream().filter(a -> a.answered > stopReceived - 1_000_000_000L && a.asked < ready + 1_000_000_000L)
                            .sorted(java.util.Comparator.comparingLong(Answer::asked))
                            .forEach(a -> System.out.printf("    %6d..%6d ms %-8s %d %s%n", ms(a.asked - stopReceived),
                                    ms(a.answered - stopReceived), a.who, a.status, a.code));
                    System.out.printf("    (ms after the stop was received) stop asked %d, stopped %d, start asked %d, ready %d%n%s%n",
                            ms(stopAsked - stopReceived), ms(stopped - stopReceived), ms(startAsked - stopReceived), ms(ready - stopReceived),
                            pg.log());
                    product.log().lines().filter(l -> l.contains("ERROR") || l.contains("WARN")).forEach(System.out::println);
                }

                List<Answer> wrong = load.answers.stream().filter(a -> !a.who.equals("health") && !a.acceptable()).toList();
                assertEquals(List.of(), wrong, "only 2xx or 503 database_unavailable (or commit_outcome_unknown) with Retry-After,"
                        + " never 500 or no answer; log: "
                        + (wrong.isEmpty() ? "" : product.log().lines().filter(l -> l.contains("ERROR") || l.contains("Exception"))
                                .limit(40).collect(Collectors.joining("\n"))));
                List<Answer> badHealth = load.answers.stream().filter(a -> a.who.equals("health") && a.status != 200
                        && !(a.status == 503 && "not_ready".equals(a.code))).toList();
                assertEquals(List.of(), badHealth, "health answers 200 or 503 not_ready");
                List<Answer> slow = load.answers.stream().filter(a -> a.status == 503 && a.took().compareTo(QUICK_503) >= 0).toList();
                assertEquals(List.of(), slow, "every 503 within " + QUICK_503.toMillis() + " ms, not after a long hang");
                assertTrue(Duration.ofNanos(down.answered - stopReceived).compareTo(DOWN_WITHIN) < 0,
                        "health said DOWN " + ms(down.answered - stopReceived) + " ms after PostgreSQL received the stop: " + down);
                assertEquals(List.of(), lost, "every acknowledged lead reads back with its name, of " + load.acknowledged.size());
                assertEquals(List.of(), refusedYetStored, "a write refused with 503 changed nothing");
            } finally {
                load.stop();
            }
        }
    }

    /** Three writers creating leads, a reader listing them and a monitor asking for health, each without pause. */
    private static final class Load {

        final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        private final int port;
        private final Product.Client admin;
        private final long owner;
        private final AtomicInteger sequence = new AtomicInteger();
        private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        private volatile boolean running = true;

        Load(int port, Product.Client admin, long owner) {
            this.port = port;
            this.admin = admin;
            this.owner = owner;
        }

        void start() {
            for (int w = 0; w < WRITERS; w++) {
                String who = "writer " + w;
                threads.submit(() -> {
                    while (running) {
                        String name = "停机测试 " + sequence.incrementAndGet() + "号"; // "号": no name is a part of another (q= matches parts)
                        Answer answer = ask(who, name, () -> lead(admin, owner, name));
                        if (answer.status == 201) {
                            acknowledged.put(KernelNodes.JSON.readTree(answer.body).path("id").asLong(), name);
                        }
                    }
                    return null;
                });
            }
            threads.submit(() -> {
                while (running) {
                    ask("reader", null, () -> admin.get("/api/v1/leads?limit=20"));
                }
                return null;
            });
            threads.submit(() -> {
                while (running) {
                    ask("health", null, () -> health(port));
                    Thread.sleep(20); // a monitor's poll interval; health is cheap but not free
                }
                return null;
            });
        }

        private Answer ask(String who, String lead, Call call) {
            long asked = System.nanoTime();
            Answer answer;
            try {
                Product.Reply reply = call.call();
                String code = reply.status() >= 400 ? reply.json().path("error").path("code").asText(null) : null;
                answer = new Answer(who, lead, asked, System.nanoTime(), reply.status(), reply.retryAfter(), code,
                        reply.status() == 200 ? "" : reply.body()); // not the lists: their size
            } catch (Exception | AssertionError e) {
                answer = new Answer(who, lead, asked, System.nanoTime(), -1, null, null, e.toString());
            }
            answers.add(answer);
            return answer;
        }

        /** Whether every writer got at least {@code count} answers matching {@code test}, asked after {@code since}. */
        boolean writersWith(Predicate<Answer> test, long since, int count) {
            return answers.stream().filter(a -> a.who.startsWith("writer") && a.asked > since && test.test(a))
                    .collect(Collectors.groupingBy(Answer::who, Collectors.counting())).values().stream()
                    .filter(n -> n >= count).count() == WRITERS;
        }

        boolean readerWith(Predicate<Answer> test, long since) {
            return answers.stream().anyMatch(a -> a.who.equals("reader") && a.asked > since && test.test(a));
        }

        Answer healthDownAfter(long since) {
            return answers.stream().filter(a -> a.who.equals("health") && a.answered > since && a.status == 503
                    && "DOWN".equals(a.json().path("error").path("details").path("database").asText())).findFirst().orElse(null);
        }

        Answer healthUpAfter(long since) {
            return answers.stream().filter(a -> a.who.equals("health") && a.asked > since && a.status == 200).findFirst().orElse(null);
        }

        void stop() throws InterruptedException {
            running = false;
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS), "the load stops");
        }

        @Override
        public String toString() {
            return "answers " + byStatus(answers, a -> true) + ", last ones " + answers.stream()
                    .skip(Math.max(0, answers.size() - 8)).map(Answer::toString).collect(Collectors.joining("; "));
        }
    }

    @FunctionalInterface
    private interface Call {
        Product.Reply call() throws Exception;
    }

    /** Acknowledged leads that are missing or carry another name. */
    private static List<String> lost(Product.Client admin, Map<Long, String> acknowledged) throws Exception {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Long, String> lead : acknowledged.entrySet()) {
            Product.Reply read = admin.get("/api/v1/leads/" + lead.getKey());
            if (read.status() != 200 || !lead.getValue().equals(read.json().path("personName").asText())) {
                lost.add(lead.getKey() + " " + lead.getValue() + ": " + read.status() + " " + read.body());
            }
        }
        return lost;
    }

    /** The leads of these answers that are stored. */
    private static List<String> stored(Product.Client admin, List<Answer> refused) throws Exception {
        List<String> stored = new ArrayList<>();
        for (Answer answer : refused) {
            Product.Reply found = admin.get("/api/v1/leads?q=" + URLEncoder.encode(answer.lead, StandardCharsets.UTF_8));
            for (var item : found.expect(200).path("items")) {
                if (answer.lead.equals(item.path("personName").asText())) {
                    stored.add(answer.lead + " (id " + item.path("id").asLong() + ")");
                }
            }
        }
        return stored;
    }

    private static void await(Duration bound, java.util.function.BooleanSupplier condition, String what, Load load) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + bound.toSeconds() + " s; " + load);
            }
            Thread.sleep(20);
        }
    }

    private static String byStatus(java.util.Collection<Answer> answers, Predicate<Answer> which) {
        return answers.stream().filter(which).collect(Collectors.groupingBy(a -> a.status == -1 ? "none" : Integer.toString(a.status),
                TreeMap::new, Collectors.counting())).toString();
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
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
