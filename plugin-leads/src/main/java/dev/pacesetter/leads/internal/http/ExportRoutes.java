package dev.pacesetter.leads.internal.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.internal.csv.CsvWriter;
import dev.pacesetter.leads.internal.domain.LeadRoles;
import dev.pacesetter.leads.internal.importing.ImportColumns.Column;
import dev.pacesetter.leads.internal.importing.ImportColumns;
import dev.pacesetter.leads.internal.store.Jdbc;
import dev.pacesetter.leads.internal.store.LeadQuery;
import dev.pacesetter.leads.internal.store.LeadReader;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * {@code GET /leads/export}: the leads the caller may see, with the list's filters, streamed as CSV (UTF-8 with a
 * byte order mark, so that spreadsheets read Chinese names) in the import format plus read-only columns (id, grade,
 * status, …) that an import ignores. Cells that a spreadsheet would run as formulas are neutralised.
 */
@Component(service = RouteProvider.class)
public final class ExportRoutes implements RouteProvider {

    private static final int CHUNK = 500;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public ExportRoutes(@Reference ModuleDatabase db, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
    }

    @Override
    public List<Route> routes() {
        // heavy: every lead the caller may see, a core and a connection for seconds; the gateway runs few at once
        return List.of(LeadQuery.declare(Route.get("/leads/export", this::export)).roles(LeadRoles.readers()).heavy()
                .summary("The leads you may see as CSV (same filters as GET /leads; no paging), in the import format plus id, grade and"
                        + " status; formula-like cells are prefixed with an apostrophe"));
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(ImportColumns.EXPORT_ONLY_HEADERS.subList(0, 1)); // id first
        for (Column column : Column.values()) {
            header.add(column.header);
        }
        header.addAll(ImportColumns.EXPORT_ONLY_HEADERS.subList(1, ImportColumns.EXPORT_ONLY_HEADERS.size()));
        return header;
    }

    private Reply export(ApiRequest request) {
        LeadQuery query = LeadQuery.parse(request);
        Caller caller = request.caller().orElseThrow();
        Sql sql = query.filtered(Sql.of("SELECT l.id, l.external_id, l.person_name, l.company, l.phone, l.email, ch.name AS channel_name,"
                + " l.intent, l.budget_status, l.budget_amount, l.budget_currency, l.decision_role, u.username, l.territory, l.grade, l.grade_rule,"
                + " l.status, l.region_id, l.created_at, l.first_touch_at FROM leads_lead l LEFT JOIN leads_channel ch ON ch.id = l.channel_id"
                + " JOIN org_user_v1 u ON u.id = l.owner_id WHERE 1 = 1").and(caller.scope().ownedBy("l.owner_id"))).append("ORDER BY l.id");
        return Reply.stream("text/csv; charset=utf-8", out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(CsvWriter.BOM);
            CsvWriter csv = new CsvWriter(writer);
            csv.row(header());
            db.inTransaction(c -> {
                write(c, sql, csv);
                return null;
            });
            writer.flush();
        }).header("Content-Disposition", "attachment; filename=\"leads-" + FILE_STAMP.format(clock.instant()) + ".csv\"");
    }

    /** Streams the rows (a cursor, {@value #CHUNK} at a time, each chunk's tags in one query). */
    private static void write(Connection c, Sql sql, CsvWriter csv) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c)) {
            ps.setFetchSize(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                List<List<String>> rows = new ArrayList<>(CHUNK);
                List<Long> ids = new ArrayList<>(CHUNK);
                boolean more = true;
                while (more) {
                    more = rs.next();
                    if (more) {
                        ids.add(rs.getLong("id"));
                        rows.add(row(rs));
                    }
                    if (rows.size() == CHUNK || (!more && !rows.isEmpty())) {
                        Map<Long, List<String>> tags = LeadReader.tagNames(c, ids);
                        try {
                            for (int i = 0; i < rows.size(); i++) {
                                List<String> row = rows.get(i);
                                row.set(7, String.join("; ", tags.getOrDefault(ids.get(i), List.of())));
                                csv.row(row);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        rows.clear();
                        ids.clear();
                    }
                }
            }
        }
    }

    private static List<String> row(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("budget_amount");
        String currency = rs.getString("budget_currency");
        List<String> row = new ArrayList<>(22);
        row.add(Long.toString(rs.getLong("id")));
        row.add(rs.getString("external_id"));
        row.add(rs.getString("person_name"));
        row.add(rs.getString("company"));
        row.add(rs.getString("phone"));
        row.add(rs.getString("email"));
        row.add(rs.getString("channel_name"));
        row.add(null); // tags, filled per chunk
        row.add(rs.getString("intent"));
        row.add(rs.getString("budget_status"));
        row.add(amount == null ? null : amount.toPlainString());
        row.add(currency == null ? null : currency.strip());
        row.add(rs.getString("decision_role"));
        row.add(rs.getString("username"));
        row.add(rs.getString("territory"));
        row.add(rs.getString("grade").strip());
        row.add(rs.getString("grade_rule"));
        row.add(rs.getString("status"));
        long region = rs.getLong("region_id");
        row.add(rs.wasNull() ? null : Long.toString(region));
        row.add(text(Jdbc.instant(rs, "created_at")));
        row.add(text(Jdbc.instant(rs, "first_touch_at")));
        return row;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
