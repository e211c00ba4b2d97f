package dev.pacesetter.kernel.internal.schedule;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Administrators see what is scheduled — deadlines and recurring jobs, soonest first, with failures and the
 * reason of the last one — and the deadlines that gave up, which they can retry.
 */
public final class JobRoutes implements RouteProvider {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;
    private static final Set<String> STATES = Set.of("scheduled", "running", "failing", "waiting", "parked");
    private static final Map<String, String> TYPES = Map.of("deadline", DeadlineData.TASK, "job", JobData.TASK);

    private final PlatformScheduler scheduler;
    private final ModuleDatabase db;
    private final Clock clock;
    private final TaskDataSerializer serializer = new TaskDataSerializer();

    public JobRoutes(PlatformScheduler scheduler, ModuleDatabase db, Clock clock) {
        this.scheduler = scheduler;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/jobs", this::list).query("type", "Only jobs of this type").query("module", "Only jobs of this module").query("state", "Only jobs in this state").query("after", "Cursor: the next value of the previous page").query("limit", Integer.class, "Page size").roles(Role.ADMIN).summary("Scheduled deadlines and recurring jobs, soonest first, with counts;"
                        + " filters type (deadline|job), module, state (scheduled|running|failing|waiting|parked); paged with limit and after"),
                Route.post("/jobs/parked/{id}/retry", this::retry).withoutBody().roles(Role.ADMIN)
                        .summary("Fire a parked deadline again, now"));
    }

    private record JobQuery(Optional<String> task, Optional<String> module, Optional<String> state, Optional<Cursor> after, int limit) {
    }

    /** Keyset position in the soonest-first order. */
    private record Cursor(Instant runAt, String task, String instance) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((runAt + "\n" + task + "\n" + instance).getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Cursor> decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 3);
                return parts.length == 3 ? Optional.of(new Cursor(Instant.parse(parts[0]), parts[1], parts[2])) : Optional.empty();
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private Reply list(ApiRequest request) {
        JobQuery query = parse(request);
        Map<String, Object> body = new LinkedHashMap<>();
        db.inTransaction(c -> {
            body.put("counts", counts(c, query));
            if (query.state().filter("parked"::equals).isPresent()) {
                body.put("items", parked(c, query));
                body.put("nextAfter", null);
                return null;
            }
            List<Map<String, Object>> items = new ArrayList<>();
            Cursor last = null;
            try (PreparedStatement ps = scheduledQuery(query).prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == query.limit()) {
                        body.put("nextAfter", last.encode());
                        break;
                    }
                    items.add(scheduledItem(rs));
                    last = new Cursor(rs.getTimestamp("execution_time").toInstant(), rs.getString("task_name"), rs.getString("task_instance"));
                }
            }
            body.put("items", items);
            body.putIfAbsent("nextAfter", null);
            return null;
        });
        return Reply.ok(body);
    }

    private Sql scheduledQuery(JobQuery query) {
        Sql sql = Sql.of("SELECT t.task_name, t.task_instance, t.task_data, t.execution_time, t.picked, t.picked_by, t.last_success,"
                + " t.last_failure, t.consecutive_failures, f.error FROM scheduled_tasks t LEFT JOIN platform_job_failure f"
                + " ON f.task_name = t.task_name AND f.task_instance = t.task_instance WHERE t.task_name IN (?, ?)", DeadlineData.TASK, JobData.TASK);
        sql = filtered(sql, query, "t.");
        if (query.state().isPresent()) {
            sql = sql.and(Sql.of(switch (query.state().get()) {
                case "running" -> "t.picked = TRUE";
                case "failing" -> "t.consecutive_failures > 0";
                case "waiting" -> "t.picked = FALSE AND t.task_name = '" + DeadlineData.TASK + "' AND t.last_success IS NOT NULL";
                default -> "t.picked = FALSE";
            }));
        }
        if (query.after().isPresent()) {
            Cursor after = query.after().get();
            sql = sql.and(Sql.of("(t.execution_time > ? OR (t.execution_time = ? AND (t.task_name > ? OR (t.task_name = ? AND t.task_instance > ?))))",
                    after.runAt(), after.runAt(), after.task(), after.task(), after.instance()));
        }
        return sql.append("ORDER BY t.execution_time, t.task_name, t.task_instance FETCH FIRST ? ROWS ONLY", query.limit() + 1);
    }

    private static Sql filtered(Sql sql, JobQuery query, String alias) {
        if (query.task().isPresent()) {
            sql = sql.and(Sql.of(alias + "task_name = ?", query.task().get()));
        }
        if (query.module().isPresent()) {
            sql = sql.and(Sql.of(alias + "task_instance LIKE ? ESCAPE '!'", DeadlineRows.likePrefix(query.module().get() + ":")));
        }
        return sql;
    }

    private Map<String, Object> scheduledItem(ResultSet rs) throws SQLException {
        String task = rs.getString("task_name");
        String instance = rs.getString("task_instance");
        boolean picked = rs.getBoolean("picked");
        int failures = rs.getInt("consecutive_failures");
        boolean waiting = !picked && DeadlineData.TASK.equals(task) && rs.getTimestamp("last_success") != null;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", DeadlineData.TASK.equals(task) ? "deadline" : "job");
        if (DeadlineData.TASK.equals(task)) {
            DeadlineData d = serializer.deserialize(DeadlineData.class, rs.getBytes("task_data"));
            item.put("module", d.module());
            item.put("name", d.kind());
            item.put("key", d.key());
            item.put("regionId", d.regionId());
            item.put("dueAt", Instant.ofEpochMilli(d.dueAtMillis()));
            item.put("handlerHere", scheduler.hasDeadlineHandler(d.module(), d.kind()));
        } else {
            JobData j = serializer.deserialize(JobData.class, rs.getBytes("task_data"));
            item.put("module", j.module());
            item.put("name", j.name());
            item.put("schedule", j.describe());
            item.put("handlerHere", scheduler.hasJob(j.module(), j.name()));
        }
        item.put("runAt", rs.getTimestamp("execution_time").toInstant());
        item.put("state", picked ? "running" : failures > 0 ? "failing" : waiting ? "waiting" : "scheduled");
        item.put("node", picked ? rs.getString("picked_by") : null);
        item.put("consecutiveFailures", failures);
        item.put("lastError", rs.getString("error"));
        item.put("lastSuccess", instantOrNull(rs.getTimestamp("last_success")));
        item.put("lastFailure", instantOrNull(rs.getTimestamp("last_failure")));
        return item;
    }

    private List<Map<String, Object>> parked(java.sql.Connection c, JobQuery query) throws SQLException {
        Sql sql = Sql.of("SELECT id, task_name, task_instance, module_id, task_data, due_at, attempts, error, failed_at FROM platform_job_failure"
                + " WHERE parked = TRUE");
        sql = filtered(sql, query, "");
        List<Map<String, Object>> items = new ArrayList<>();
        try (PreparedStatement ps = sql.append("ORDER BY id DESC FETCH FIRST ? ROWS ONLY", query.limit()).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DeadlineData d = serializer.deserialize(DeadlineData.class, rs.getBytes("task_data"));
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", rs.getLong("id"));
                item.put("type", "deadline");
                item.put("module", d.module());
                item.put("name", d.kind());
                item.put("key", d.key());
                item.put("regionId", d.regionId());
                item.put("dueAt", rs.getTimestamp("due_at").toInstant());
                item.put("state", "parked");
                item.put("attempts", rs.getInt("attempts"));
                item.put("lastError", rs.getString("error"));
                item.put("parkedAt", rs.getTimestamp("failed_at").toInstant());
                items.add(item);
            }
        }
        return items;
    }

    private Map<String, Object> counts(java.sql.Connection c, JobQuery query) throws SQLException {
        Map<String, Object> counts = new LinkedHashMap<>();
        Sql pending = filtered(Sql.of("SELECT COUNT(*), COALESCE(SUM(CASE WHEN picked THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN consecutive_failures > 0 THEN 1 ELSE 0 END), 0) FROM scheduled_tasks WHERE task_name IN (?, ?)",
                DeadlineData.TASK, JobData.TASK), query, "");
        try (PreparedStatement ps = pending.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            counts.put("scheduled", rs.getLong(1));
            counts.put("running", rs.getLong(2));
            counts.put("failing", rs.getLong(3));
        }
        Sql parked = filtered(Sql.of("SELECT COUNT(*) FROM platform_job_failure WHERE parked = TRUE"), query, "");
        try (PreparedStatement ps = parked.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            counts.put("parked", rs.getLong(1));
        }
        return counts;
    }

    private Reply retry(ApiRequest request) {
        long id = request.pathId("id");
        Instant now = clock.instant();
        Map<String, Object> result = db.inTransaction(c -> {
            byte[] data;
            String instance;
            try (PreparedStatement ps = Sql.of("SELECT task_instance, task_data FROM platform_job_failure WHERE id = ? AND parked = TRUE"
                    + " AND task_name = ?", id, DeadlineData.TASK).prepare(c); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Message.of("error.deadline.not_found", id));
                }
                instance = rs.getString(1);
                data = rs.getBytes(2);
            }
            DeadlineData deadline = serializer.deserialize(DeadlineData.class, data);
            if (DeadlineRows.find(c, instance, serializer).isPresent()) {
                throw ApiException.conflict("deadline_pending", Message.of("error.deadline_pending", deadline.kind(), deadline.key(), deadline.module()), Map.of("id", id));
            }
            DeadlineRows.insertDue(c, instance, data, now);
            try (PreparedStatement ps = Sql.of("DELETE FROM platform_job_failure WHERE id = ?", id).prepare(c)) {
                ps.executeUpdate();
            }
            Map<String, Object> retried = new LinkedHashMap<>();
            retried.put("id", id);
            retried.put("module", deadline.module());
            retried.put("name", deadline.kind());
            retried.put("key", deadline.key());
            retried.put("runAt", now);
            db.audit(c, AuditRecord.of(request, "jobs", id, "retry").after(retried));
            return retried;
        });
        return Reply.accepted(result);
    }

    private static JobQuery parse(ApiRequest request) {
        Validation validation = new Validation();
        Optional<String> type = request.queryParam("type");
        validation.require(type.isEmpty() || TYPES.containsKey(type.get()), "type", Message.of("field.one_of", "deadline, job"));
        Optional<String> state = request.queryParam("state");
        validation.require(state.isEmpty() || STATES.contains(state.get()), "state", Message.of("field.one_of", "scheduled, running, failing, waiting, parked"));
        validation.require(!(state.filter("parked"::equals).isPresent() && type.filter("job"::equals).isPresent()), "state",
                Message.of("field.job_state.parked"));
        Optional<String> rawAfter = request.queryParam("after");
        Optional<Cursor> after = rawAfter.flatMap(Cursor::decode);
        validation.require(rawAfter.isEmpty() || after.isPresent(), "after", Message.of("field.cursor", "nextAfter"));
        int limit = validation.intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        validation.orThrow();
        return new JobQuery(type.map(TYPES::get), request.queryParam("module"), state, after, limit);
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
