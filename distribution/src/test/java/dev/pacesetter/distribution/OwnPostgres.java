package dev.pacesetter.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster that one test owns and may stop and start: {@code initdb} (trust auth) into a temporary
 * directory, the server on a free loopback port with its socket in that directory. PostgreSQL refuses to run as root, so
 * as root (this machine, CI) the binaries run as the {@code postgres} OS user through {@code runuser}, in a directory
 * owned by it. Closing stops the server at once and deletes the directory. The binaries are those of the highest
 * version under {@code /usr/lib/postgresql}, or of {@code -Dpacesetter.it.pg.bin}.
 */
final class OwnPostgres implements AutoCloseable {

    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asRoot;

    private OwnPostgres(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asRoot = asRoot;
    }

    /** A new cluster, initialised and started. */
    static OwnPostgres start() throws Exception {
        Path bin = binaries();
        boolean asRoot = "0".equals(run(List.of("id", "-u"), null).strip());
        // under /tmp, which the postgres user may enter (not java.io.tmpdir, which may not be), and short enough for a socket path
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "pacesetter-own-pg-");
        OwnPostgres pg = new OwnPostgres(bin, dir, KernelNodes.freePort(), asRoot);
        try {
            if (asRoot) {
                UserPrincipal postgres;
                try {
                    postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                } catch (UserPrincipalNotFoundException e) {
                    throw new AssertionError("running as root and no OS user " + OS_USER + " to run PostgreSQL as", e);
                }
                Files.setOwner(dir, postgres);
            }
            // the superuser the tests connect as (trust: no password)
            String superuser = System.getProperty("pacesetter.it.pg.user", "postgres");
            pg.postgres("initdb", "-D", pg.data.toString(), "-A", "trust", "-U", superuser, "-E", "UTF8", "--locale=C", "--no-sync");
            // log times as epoch milliseconds, so that a test can tell when the server received a stop or was ready again
            Files.writeString(pg.data.resolve("postgresql.conf"), "\nlog_line_prefix = '%n [%p] '\n", StandardOpenOption.APPEND);
            pg.startServer();
            return pg;
        } catch (Exception | AssertionError e) {
            try {
                pg.close();
            } catch (Exception | AssertionError cleanUp) {
                e.addSuppressed(cleanUp);
            }
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** The major version of the binaries, e.g. {@code 15}. */
    String version() {
        return bin.getParent().getFileName().toString();
    }

    /** {@code pg_ctl stop -m fast}: sessions are ended, the server shuts down cleanly; returns once it is down. */
    void stop() throws Exception {
        postgres("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** {@code pg_ctl start} on the same port; returns once it accepts connections. */
    void startServer() throws Exception {
        postgres("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "-w", "start");
    }

    /** Runs a PostgreSQL binary as the postgres OS user (directly when not root); fails with its output. */
    private String postgres(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of(runuser(), "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return run(command, dir);
    }

    private static String run(List<String> command, Path workingDir) throws Exception {
        Path output = Files.createTempFile("pacesetter-own-pg-", ".out");
        try {
            // output to a file, not a pipe: the server pg_ctl starts keeps the pipe open
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            if (workingDir != null) {
                builder.directory(workingDir.toFile()); // the postgres user may not enter the current directory
            }
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s: " + Files.readString(output));
            }
            String out = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ": " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String runuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("running as root and no runuser (util-linux) to run PostgreSQL as the postgres user");
    }

    private static Path binaries() throws IOException {
        String configured = System.getProperty("pacesetter.it.pg.bin");
        if (configured != null) {
            return Path.of(configured);
        }
        if (Files.isDirectory(VERSIONS)) {
            try (Stream<Path> versions = Files.list(VERSIONS)) {
                Path bin = versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/initdb")) && Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                        .map(v -> v.resolve("bin")).orElse(null);
                if (bin != null) {
                    return bin;
                }
            }
        }
        throw new AssertionError("no PostgreSQL server binaries (initdb, pg_ctl) under " + VERSIONS
                + "; install the postgresql package or set -Dpacesetter.it.pg.bin");
    }

    /** When the server last logged a line containing {@code message}, on the scale of {@link System#nanoTime()}. */
    long nanoTimeOf(String message) {
        long millis = log().lines().filter(line -> line.contains(message)).reduce((first, last) -> last)
                .map(line -> Math.round(Double.parseDouble(line.substring(0, line.indexOf(' '))) * 1000))
                .orElseThrow(() -> new AssertionError("the server never logged \"" + message + "\": " + log()));
        return System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - millis);
    }

    /** The server's log, for a failure message. */
    String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                postgres("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
