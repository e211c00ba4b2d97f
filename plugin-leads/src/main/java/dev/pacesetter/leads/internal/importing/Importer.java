package dev.pacesetter.leads.internal.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.leads.internal.csv.CsvFormatException;
import dev.pacesetter.leads.internal.csv.CsvReader;
import dev.pacesetter.leads.internal.intake.LeadCreation;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Runs lead imports on this node: an upload is checked and stored in the bundle's data area, then one worker
 * thread imports the files one at a time (each in one transaction, see {@link LeadImport}). Progress of the running
 * import is served from memory here and copied to the database every second for other nodes. On deactivation the
 * running import stops after its current batch and rolls back; it and the queued ones are marked {@code FAILED}
 * (nothing of them is kept), as are imports a crash left behind, found by their files on the next start.
 */
@Component(service = Importer.class)
public final class Importer {

    /** Largest upload: about 3 million typical rows. Larger gets 413 while streaming, before anything is stored. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    private static final int CHUNK = 64 * 1024;

    private final ModuleDatabase db;
    private final LeadImport imports;
    private final Messages messages;
    private final Clock clock;
    private final Path dir;
    private final ExecutorService worker;
    private final Map<Long, ImportProgress> live = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @Activate
    public Importer(@Reference ModuleDatabase db, @Reference LeadCreation creation, @Reference Messages messages,
            BundleContext context, @Reference PlatformClock time)
            throws IOException {
        this.clock = time.clock();
        this.db = db;
        this.imports = new LeadImport(db, creation, clock, messages);
        this.messages = messages;
        this.dir = context.getDataFile("imports").toPath();
        Files.createDirectories(dir);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leads-import");
            t.setDaemon(true);
            return t;
        });
        recover();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Lead import still running 30 s after the module began to stop; it rolls back when its batch ends");
        }
        for (Long id : List.copyOf(live.keySet())) {
            fail(id, live.get(id), "The server or the module stopped before this import ran. Nothing was imported; upload the file again.");
        }
    }

    /**
     * Streams an upload to a staging file, refusing at once (422, nothing stored) a file that is not UTF-8, is empty,
     * or whose header row is not well-formed or names unknown columns or lacks required ones.
     */
    public Path stage(InputStream body) {
        Path part;
        try {
            part = Files.createTempFile(dir, ".upload-", ".part");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a staging file in " + dir, e);
        }
        boolean kept = false;
        try {
            Utf8Check utf8 = new Utf8Check(CHUNK);
            long total = 0;
            try (InputStream in = body; OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    total += n;
                    if (!utf8.feed(buffer, 0, n)) {
                        break;
                    }
                }
            }
            if (!utf8.finish()) {
                throw ApiException.unprocessable("invalid_encoding", Message.of("error.import.encoding", utf8.invalidLine()),
                        Map.of("line", utf8.invalidLine()));
            }
            if (total == 0) {
                throw ApiException.unprocessable("empty_file", Message.of("error.import.empty"), Map.of());
            }
            checkHeader(part);
            kept = true;
            return part;
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", Message.of("error.import.unreadable", String.valueOf(e.getMessage())));
        } finally {
            if (!kept) {
                deleteQuietly(part);
            }
        }
    }

    private static void checkHeader(Path file) throws IOException {
        List<String> header;
        try (CsvReader reader = CsvReader.utf8(new BufferedInputStream(Files.newInputStream(file)), LeadImport.MAX_FIELD, LeadImport.MAX_FIELDS)) {
            header = reader.next();
        } catch (CsvFormatException e) {
            throw ApiException.unprocessable("malformed_csv", Message.of("error.import.malformed-header", e.text()),
                    Map.of("line", e.line()));
        }
        if (header == null) {
            throw ApiException.unprocessable("empty_file", Message.of("error.import.no-header"), Map.of());
        }
        ImportColumns.Result columns = ImportColumns.of(header);
        if (!columns.problems().isEmpty()) {
            List<FieldError> problems = columns.problems();
            throw ApiException.unprocessable("invalid_columns", Message.of("error.import.invalid-columns", ImportColumns.together(problems)),
                    Map.of("fields", problems, "columns", ImportColumns.documented()));
        }
    }

    /** Hands a staged file to the worker as import {@code id} (already recorded as {@code QUEUED}). */
    public void submit(long id, Caller caller, Path staged) {
        Path file = fileOf(id);
        ImportProgress progress = new ImportProgress();
        try {
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staged);
            fail(id, progress, messages.render(Message.of("import.failure.store", String.valueOf(e.getMessage())), caller.language()));
            return;
        }
        live.put(id, progress);
        try {
            worker.execute(() -> run(id, caller, file, progress));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            fail(id, progress, messages.render(Message.of("import.failure.stopping"), caller.language()));
        }
    }

    /** Drops a staged upload that will not be imported. */
    public void discard(Path staged) {
        deleteQuietly(staged);
    }

    /** The running or queued import's counters on this node, if it is here. */
    public Optional<ImportProgress> progress(long id) {
        return Optional.ofNullable(live.get(id));
    }

    private void run(long id, Caller caller, Path file, ImportProgress progress) {
        if (stopping) {
            return; // deactivate() marks it failed
        }
        try {
            progress.status = ImportStatus.RUNNING;
            db.inTransaction(c -> {
                ImportStore.update(c, id, ImportStatus.RUNNING, progress.counts(), null, null);
                return null;
            });
            imports.run(id, caller, file, progress, () -> publish(id, progress), () -> stopping);
            progress.status = ImportStatus.DONE;
            live.remove(id);
            LOG.info("Lead import {} done: {}", id, progress.counts());
        } catch (LeadImport.FileFailure e) {
            fail(id, progress, messages.render(e.text(), caller.language()));
        } catch (RuntimeException e) {
            LOG.error("Lead import {} failed", id, e);
            fail(id, progress, messages.render(Message.of("import.failure.internal", e.getClass().getSimpleName()), caller.language()));
        } finally {
            deleteQuietly(file);
        }
    }

    /** Copies the counters to the import's row in a transaction of its own (the import's own one is still open). */
    private void publish(long id, ImportProgress progress) {
        try {
            db.inTransaction(c -> {
                ImportStore.update(c, id, ImportStatus.RUNNING, progress.counts(), null, null);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the progress of lead import {}: {}", id, e.toString());
        }
    }

    private void fail(long id, ImportProgress progress, String reason) {
        progress.status = ImportStatus.FAILED;
        try {
            db.inTransaction(c -> {
                ImportStore.update(c, id, ImportStatus.FAILED, progress.counts(), reason, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not mark lead import {} failed ({}): {}", id, reason, e.toString());
        } finally {
            live.remove(id);
            deleteQuietly(fileOf(id));
        }
    }

    /** Imports left queued or running by a stop this node did not survive: their files are here; nothing of them was committed. */
    private void recover() {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".upload-*.part")) {
            for (Path part : parts) {
                deleteQuietly(part);
            }
        } catch (IOException e) {
            LOG.warn("Could not clean {}: {}", dir, e.toString());
        }
        for (long id : db.inTransaction(ImportStore::unfinished)) {
            if (Files.exists(fileOf(id))) {
                fail(id, new ImportProgress(), "The server stopped during this import. Nothing was imported; upload the file again.");
            }
        }
    }

    private Path fileOf(long id) {
        return dir.resolve("import-" + id + ".csv");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
