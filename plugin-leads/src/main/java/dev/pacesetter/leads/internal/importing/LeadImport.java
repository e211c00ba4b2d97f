package dev.pacesetter.leads.internal.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.pacesetter.leads.internal.csv.CsvFormatException;
import dev.pacesetter.leads.internal.csv.CsvReader;
import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.NewLead;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.leads.internal.domain.PhoneKeys;
import dev.pacesetter.leads.internal.importing.ImportColumns.Column;
import dev.pacesetter.leads.internal.importing.ImportStore.RowError;
import dev.pacesetter.leads.internal.intake.Intake;
import dev.pacesetter.leads.internal.intake.LeadCreation;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * Imports one uploaded CSV file in <em>one</em> transaction, so that a file that fails as a whole (broken quoting,
 * bad bytes, a database failure, the module stopping) leaves no lead behind; rows are read, checked and written in
 * batches of {@value #BATCH}. Per row: mapping and validation, then the external id (known → {@code unchanged}),
 * then duplicates on the normalised e-mail, phone, or company with person name — against existing leads and the
 * earlier rows of the file — then intake (references, owner, grade) and {@link LeadCreation#createAll}. A rejected
 * or duplicate row only costs itself and goes to the error report.
 */
final class LeadImport {

    static final int BATCH = 1000;
    static final int MAX_FIELD = 2000;
    static final int MAX_FIELDS = 200;
    private static final long FLUSH_MS = 1000;

    /** The file as a whole is refused; nothing from it is kept. */
    static final class FileFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Message text;

        FileFailure(Message text) {
            super(text.toString());
            this.text = text;
        }

        /** Why, in the importer's language when rendered. */
        Message text() {
            return text;
        }
    }

    private final ModuleDatabase db;
    private final LeadCreation creation;
    private final Clock clock;

    private final Messages messages;

    LeadImport(ModuleDatabase db, LeadCreation creation, Clock clock, Messages messages) {
        this.messages = messages;
        this.db = db;
        this.creation = creation;
        this.clock = clock;
    }

    /**
     * Runs the import; on success its row says {@code DONE} with the counts, committed with the leads. Throws
     * {@link FileFailure} (or a database error) after rolling everything back; the caller records the failure.
     *
     * @param flush called about once a second, to publish the counts so far outside this transaction
     * @param stop polled between batches: true stops the import (it then fails and rolls back)
     */
    void run(long importId, Caller caller, Path file, ImportProgress progress, Runnable flush, BooleanSupplier stop) {
        db.inTransaction(c -> {
            Run run = new Run(c, importId, caller, progress, flush, stop, expectedRows(file));
            try (CsvReader reader = CsvReader.utf8(new BufferedInputStream(Files.newInputStream(file), 1 << 16), MAX_FIELD, MAX_FIELDS)) {
                run.read(reader);
            } catch (CsvFormatException e) {
                throw new FileFailure(Message.of("import.failure.csv", e.text()));
            } catch (IOException e) {
                throw new FileFailure(Message.of("import.failure.unreadable", String.valueOf(e.getMessage())));
            }
            ImportStore.update(c, importId, ImportStatus.DONE, progress.counts(), null, clock.instant());
            db.audit(c, AuditRecord.bySystem("lead-imports", importId, "complete").by(caller).after(progress.counts()));
            return null;
        });
    }

    /** One import's state inside its transaction. */
    private final class Run {
        private final Connection c;
        private final long importId;
        private final ImportProgress progress;
        private final Runnable flush;
        private final BooleanSupplier stop;
        private final Intake intake;
        private final Caller caller;
        private final ImportRowMapper.Lookups lookups;
        private final Instant now;
        private final CreatedLeads createdLeads = new CreatedLeads();
        private final SeenKeys seen;
        private long lastFlush;
        private long nextAnalyze = 10_000;
        private final boolean postgres;

        Run(Connection c, long importId, Caller caller, ImportProgress progress, Runnable flush, BooleanSupplier stop, long expectedRows)
                throws SQLException {
            this.c = c;
            this.importId = importId;
            this.progress = progress;
            this.flush = flush;
            this.stop = stop;
            this.intake = creation.intake(c, caller);
            this.caller = caller;
            this.lookups = ImportRowMapper.database(c);
            this.now = clock.instant();
            this.seen = SeenKeys.load(c, expectedRows);
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }

        void read(CsvReader reader) throws IOException, CsvFormatException, SQLException {
            List<String> header = reader.next();
            ImportColumns.Result columns = header == null ? null : ImportColumns.of(header);
            if (columns == null || columns.columns() == null) {
                throw new FileFailure(columns == null ? Message.of("import.failure.empty")
                        : Message.of("import.failure.header", ImportColumns.together(columns.problems())));
            }
            ImportRowMapper mapper = new ImportRowMapper(columns.columns(), lookups);
            List<Row> batch = new ArrayList<>(BATCH);
            int rowNo = 1; // the header is row 1, as in a spreadsheet
            for (List<String> record; (record = reader.next()) != null;) {
                rowNo++;
                batch.add(new Row(rowNo, mapper.map(record)));
                if (batch.size() == BATCH) {
                    process(batch);
                    batch.clear();
                }
            }
            process(batch);
        }

        private void process(List<Row> batch) throws SQLException {
            if (stop.getAsBoolean()) {
                throw new FileFailure(Message.of("import.failure.stopped"));
            }
            List<RowError> errors = new ArrayList<>();
            List<Row> valid = new ArrayList<>(batch.size());
            for (Row row : batch) {
                if (row.mapped.input() == null) {
                    reject(row, row.mapped.problems(), errors);
                } else {
                    row.keys(intake.phoneKeys());
                    valid.add(row);
                }
            }
            Map<String, Long> externalIds = existing(valid, "external_id", r -> r.externalId, seen.externalIds);
            Map<String, Long> emails = existing(valid, "email_key", r -> r.email, seen.emails);
            Map<String, Long> phones = existing(valid, "phone_key", r -> r.phone, seen.phones);
            Map<String, Long> people = companyPeople(valid);
            Map<String, Integer> seenExternal = new HashMap<>();
            Map<String, Integer> seenEmail = new HashMap<>();
            Map<String, Integer> seenPhone = new HashMap<>();
            Map<String, Integer> seenPerson = new HashMap<>();
            List<NewLead> leads = new ArrayList<>(valid.size());
            List<Integer> leadRows = new ArrayList<>(valid.size());
            for (Row row : valid) {
                if (row.externalId != null) {
                    Long known = externalIds.get(row.externalId);
                    Integer earlier = seenExternal.get(row.externalId);
                    if (known != null && createdLeads.rowOf(known) < 0) {
                        progress.unchanged++;
                        continue;
                    }
                    if (known != null || earlier != null) {
                        duplicate(row, Column.EXTERNAL_ID, Message.of("import.duplicate.external-id"), known, earlier, errors);
                        continue;
                    }
                }
                if (isDuplicate(row, Column.EMAIL, row.email, emails, seenEmail, errors)
                        || isDuplicate(row, Column.PHONE, row.phone, phones, seenPhone, errors)
                        || isDuplicate(row, Column.COMPANY, row.person, people, seenPerson, errors)) {
                    continue;
                }
                Intake.Prepared prepared = intake.prepare(row.mapped.input());
                if (!prepared.ok()) {
                    List<FieldError> problems = new ArrayList<>();
                    for (FieldError p : prepared.problems()) {
                        String column = ImportRowMapper.column(p.field(), p.message());
                        problems.add(p.text() == null ? new FieldError(column, p.message()) : new FieldError(column, p.text()));
                    }
                    reject(row, problems, errors);
                    continue;
                }
                leads.add(prepared.lead());
                leadRows.add(row.no);
                remember(seenExternal, row.externalId, row.no);
                remember(seenEmail, row.email, row.no);
                remember(seenPhone, row.phone, row.no);
                remember(seenPerson, row.person, row.no);
                seen.add(row);
            }
            if (!leads.isEmpty()) {
                List<Long> ids = creation.createAll(c, intake, leads, "import", now);
                for (int i = 0; i < ids.size(); i++) {
                    createdLeads.add(ids.get(i), leadRows.get(i));
                }
                progress.created += ids.size();
                refreshStatistics();
            }
            ImportStore.errors(c, importId, errors);
            progress.rowsRead += batch.size();
            long clockMs = System.currentTimeMillis();
            if (lastFlush == 0 || clockMs - lastFlush >= FLUSH_MS) {
                lastFlush = clockMs;
                flush.run();
            }
        }

        /**
         * On PostgreSQL, refreshes the table's statistics as this import's rows double it (10,000, 20,000, 40,000 …
         * rows: about 7 times for a million). Without that, the planner sees a table it last analysed (often empty),
         * guesses that a key matches 0.5 % of it, and answers the duplicate look-ups with sequential scans of the
         * growing table. ANALYZE runs inside the transaction and counts its own uncommitted rows.
         */
        private void refreshStatistics() throws SQLException {
            if (progress.created < nextAnalyze) {
                return;
            }
            nextAnalyze = progress.created * 2L;
            if (postgres) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("ANALYZE leads_lead");
                }
            }
        }

        private boolean isDuplicate(Row row, Column column, String key, Map<String, Long> existing, Map<String, Integer> seen,
                List<RowError> errors) throws SQLException {
            if (key == null) {
                return false;
            }
            Long known = existing.get(key);
            Integer earlier = seen.get(key);
            if (known == null && earlier == null) {
                return false;
            }
            Message what = Message.of(switch (column) {
                case EMAIL -> "import.duplicate.email";
                case PHONE -> "import.duplicate.phone";
                default -> "import.duplicate.person";
            });
            duplicate(row, column, what, known, earlier, errors);
            return true;
        }

        private void duplicate(Row row, Column column, Message what, Long knownLead, Integer earlierRow, List<RowError> errors)
                throws SQLException {
            progress.duplicates++;
            Message message;
            if (earlierRow != null) {
                message = Message.of("import.duplicate.of-row", what, earlierRow);
            } else {
                int row0 = createdLeads.rowOf(knownLead);
                // the report names an existing lead only to an importer who may read it (as 409 duplicate_lead does)
                message = row0 >= 0 ? Message.of("import.duplicate.of-row-lead", what, row0, knownLead)
                        : !LeadCreation.visibleTo(c, caller, List.of(knownLead)).isEmpty() ? Message.of("import.duplicate.of-lead", what, knownLead)
                        : Message.of("import.duplicate.hidden", what);
            }
            errors.add(new RowError(row.no, column.header, messages.render(message, caller.language())));
        }

        private void reject(Row row, List<FieldError> problems, List<RowError> errors) {
            progress.rejected++;
            for (FieldError problem : problems) {
                // the report is read by the importer: in their language
                errors.add(new RowError(row.no, problem.field(), problem.text() == null ? problem.message()
                        : messages.render(problem.text(), caller.language())));
            }
        }

        /**
         * The lead id (lowest) for each key of the batch that a lead has already, asking the database only about the
         * keys the filter has maybe seen (a known key, an earlier row's, or a false positive): one query per batch.
         */
        private Map<String, Long> existing(List<Row> rows, String column, java.util.function.Function<Row, String> key, KeyFilter filter)
                throws SQLException {
            List<String> keys = rows.stream().map(key).filter(k -> k != null && filter.mightContain(k)).distinct().toList();
            Map<String, Long> found = new HashMap<>();
            if (keys.isEmpty()) {
                return found;
            }
            Sql sql = Sql.of("SELECT " + column + ", id FROM leads_lead WHERE 1 = 1").and(Sql.in(column, keys));
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.merge(rs.getString(1), rs.getLong(2), Math::min);
                }
            }
            return found;
        }

        /** Leads at the batch's companies, keyed by company and folded person name. */
        private Map<String, Long> companyPeople(List<Row> rows) throws SQLException {
            List<String> companies = rows.stream().filter(r -> r.person != null && seen.people.mightContain(r.person)).map(r -> r.company)
                    .distinct().toList();
            Map<String, Long> found = new HashMap<>();
            if (companies.isEmpty()) {
                return found;
            }
            Sql sql = Sql.of("SELECT company_key, person_name, id FROM leads_lead WHERE 1 = 1").and(Sql.in("company_key", companies));
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.merge(personKey(rs.getString(1), rs.getString(2)), rs.getLong(3), Math::min);
                }
            }
            return found;
        }
    }

    /** A generous guess at the rows of a file (a lead row is rarely under 30 bytes), to size the key filters. */
    private static long expectedRows(Path file) {
        try {
            return Files.size(file) / 30 + 1;
        } catch (IOException e) {
            return 1_000_000;
        }
    }

    /** The duplicate keys of every lead (existing ones, read once at the start, and this import's). */
    private static final class SeenKeys {
        final KeyFilter externalIds;
        final KeyFilter emails;
        final KeyFilter phones;
        final KeyFilter people;

        private SeenKeys(long expected) {
            externalIds = new KeyFilter(expected);
            emails = new KeyFilter(expected);
            phones = new KeyFilter(expected);
            people = new KeyFilter(expected);
        }

        static SeenKeys load(Connection c, long newRows) throws SQLException {
            long existing;
            try (PreparedStatement ps = Sql.of("SELECT COUNT(*) FROM leads_lead").prepare(c); ResultSet rs = ps.executeQuery()) {
                rs.next();
                existing = rs.getLong(1);
            }
            SeenKeys seen = new SeenKeys(existing + newRows);
            try (PreparedStatement ps = Sql.of("SELECT external_id, email_key, phone_key, company_key, person_name FROM leads_lead").prepare(c)) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(seen.externalIds, rs.getString(1));
                        add(seen.emails, rs.getString(2));
                        add(seen.phones, rs.getString(3));
                        String company = rs.getString(4);
                        if (company != null) {
                            seen.people.add(personKey(company, rs.getString(5)));
                        }
                    }
                }
            }
            return seen;
        }

        void add(Row row) {
            add(externalIds, row.externalId);
            add(emails, row.email);
            add(phones, row.phone);
            add(people, row.person);
        }

        private static void add(KeyFilter filter, String key) {
            if (key != null) {
                filter.add(key);
            }
        }
    }

    private static void remember(Map<String, Integer> seen, String key, int row) {
        if (key != null) {
            seen.putIfAbsent(key, row);
        }
    }

    static String personKey(String companyKey, String personName) {
        return companyKey + '\u0000' + Normalizer.nameKey(personName);
    }

    /** A record of the file with its row number (the header is row 1) and, once valid, its keys. */
    private static final class Row {
        final int no;
        final ImportRowMapper.Mapped mapped;
        String externalId;
        String email;
        String phone;
        String company;
        String person;

        Row(int no, ImportRowMapper.Mapped mapped) {
            this.no = no;
            this.mapped = mapped;
        }

        void keys(PhoneKeys phoneKeys) {
            LeadInput in = mapped.input();
            externalId = in.externalId() == null ? null : in.externalId().strip();
            email = Normalizer.emailKey(in.email()).orElse(null);
            phone = phoneKeys.key(in.phone()).orElse(null);
            company = Normalizer.companyKey(in.company()).orElse(null);
            person = company == null ? null : personKey(company, in.personName());
        }
    }

    /** Which row created which lead (ids grow within one transaction, so a sorted pair of arrays; 12 bytes a lead). */
    static final class CreatedLeads {
        private long[] ids = new long[1024];
        private int[] rows = new int[1024];
        private int size;
        private boolean sorted = true;

        void add(long id, int row) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            if (size > 0 && id <= ids[size - 1]) {
                sorted = false;
            }
            ids[size] = id;
            rows[size++] = row;
        }

        /** The row that created lead {@code id}, or -1 if this import did not. */
        int rowOf(long id) {
            if (sorted) {
                int at = Arrays.binarySearch(ids, 0, size, id);
                return at >= 0 ? rows[at] : -1;
            }
            for (int i = 0; i < size; i++) {
                if (ids[i] == id) {
                    return rows[i];
                }
            }
            return -1;
        }
    }
}
