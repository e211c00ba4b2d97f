package dev.pacesetter.leads.internal.http;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.internal.csv.CsvWriter;
import dev.pacesetter.leads.internal.importing.ImportProgress;
import dev.pacesetter.leads.internal.importing.ImportStatus;
import dev.pacesetter.leads.internal.importing.ImportStore;
import dev.pacesetter.leads.internal.importing.ImportView;
import dev.pacesetter.leads.internal.importing.Importer;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * CSV import of leads: {@code POST /leads/imports} (202, then a worker imports the file), its status and counts
 * while it runs and after, and its error report as CSV. An import is visible to whoever started it and to
 * administrators; to anyone else it does not exist.
 */
@Component(service = RouteProvider.class)
public final class ImportRoutes implements RouteProvider {

    private final ModuleDatabase db;
    private final Importer importer;
    private final Clock clock;

    @Activate
    public ImportRoutes(@Reference ModuleDatabase db, @Reference Importer importer, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.importer = importer;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/leads/imports", this::upload).returns(ImportView.class).query("fileName", "The uploaded file's name, shown in the import list").requires(LeadPermissions.IMPORT).consumes("text/csv", "application/octet-stream")
                        .maxBodyBytes(Importer.MAX_BYTES)
                        .summary("Import leads from a UTF-8 CSV file (body, up to 512 MiB; ?fileName= names it): 202 with the import;"
                                + " 422 for a wrong header or encoding. Rows are graded, assigned, deduplicated; all or nothing per file"),
                Route.get("/leads/imports", this::list).returnsItems(ImportView.class).query("limit", Integer.class, "Page size").requires(LeadPermissions.IMPORT)
                        .summary("Your imports (an administrator's: all), newest first; ?limit= 1-200"),
                Route.get("/leads/imports/{id}", this::one).returns(ImportView.class).requires(LeadPermissions.IMPORT)
                        .summary("An import's status (QUEUED, RUNNING, DONE, FAILED) and counts, live while it runs"),
                Route.get("/leads/imports/{id}/errors", this::errors).requires(LeadPermissions.IMPORT)
                        .summary("The import's error report as CSV: row, field, message (rejected and duplicate rows)"));
    }

    private Reply upload(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        String fileName = request.queryParam("fileName").map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        new Validation().require(fileName == null || fileName.length() <= 255, "fileName", Message.of("field.max_length", 255)).orThrow();
        Path staged = importer.stage(request.bodyStream());
        ImportView view;
        try {
            view = db.inTransaction(c -> {
                long id = ImportStore.insert(c, fileName, caller.userId(), clock.instant());
                ImportView created = ImportStore.find(c, id, caller).orElseThrow();
                db.audit(c, AuditRecord.of(request, "lead-imports", id, "create").after(created));
                return created;
            });
        } catch (RuntimeException e) {
            importer.discard(staged);
            throw e;
        }
        importer.submit(view.id(), caller, staged);
        return Reply.accepted(view).header("Location", "/api/v1/leads/imports/" + view.id());
    }

    private Reply list(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        Validation v = new Validation();
        int limit = v.intParam(request, "limit", 50, 1, 200);
        v.orThrow();
        List<ImportView> views = db.inTransaction(c -> ImportStore.list(c, caller, limit));
        return Reply.ok(Map.of("items", views.stream().map(view -> live(view, importer.progress(view.id()))).toList()));
    }

    private Reply one(ApiRequest request) {
        // the live counters are taken before the row: an import finishing in between then shows its last live counts, not
        // the older ones last written to the row (counts never go back)
        Optional<ImportProgress> running = importer.progress(request.pathId("id"));
        return Reply.ok(live(load(request), running));
    }

    private ImportView load(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return db.inTransaction(c -> ImportStore.find(c, id, caller))
                .orElseThrow(() -> ApiException.notFound(Message.of("error.import.not-found", id)));
    }

    /** The stored row, with this node's live counters while the row says the import is queued or running. */
    private static ImportView live(ImportView stored, Optional<ImportProgress> running) {
        if (stored.status() == ImportStatus.DONE || stored.status() == ImportStatus.FAILED) {
            return stored;
        }
        // finished since the row was read: still RUNNING as far as this answer goes, with the final counts
        return running.map(p -> stored.withCounts(p.status() == ImportStatus.QUEUED ? ImportStatus.QUEUED : ImportStatus.RUNNING, p.counts()))
                .orElse(stored);
    }

    private Reply errors(ApiRequest request) {
        ImportView view = load(request);
        return Reply.stream("text/csv; charset=utf-8", out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(CsvWriter.BOM);
            CsvWriter csv = new CsvWriter(writer);
            csv.row("row", "field", "message");
            db.inTransaction(c -> {
                try (PreparedStatement ps = Sql.of("SELECT row_no, field, message FROM leads_import_error WHERE import_id = ? ORDER BY row_no",
                        view.id()).prepare(c)) {
                    ps.setFetchSize(1000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            csv.row(Integer.toString(rs.getInt(1)), rs.getString(2), rs.getString(3));
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            writer.flush();
        }).header("Content-Disposition", "attachment; filename=\"lead-import-" + view.id() + "-errors.csv\"");
    }
}
