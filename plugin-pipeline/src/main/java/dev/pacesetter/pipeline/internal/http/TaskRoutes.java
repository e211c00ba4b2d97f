package dev.pacesetter.pipeline.internal.http;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.internal.customers.CustomerCare;
import dev.pacesetter.pipeline.internal.domain.StoredText;
import dev.pacesetter.pipeline.internal.store.Jdbc;
import dev.pacesetter.pipeline.internal.store.Tasks;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Owners' follow-up tasks from stage deadlines, tier playbooks and health drops ({@code /api/v1/tasks}):
 * open ones soonest first with overdue ones flagged, done, snoozed.
 */
@Component(service = RouteProvider.class)
public final class TaskRoutes implements RouteProvider {

    /** Body of {@code POST /tasks/{id}/snooze}. */
    public record Snooze(Instant until) {
    }

    /** A task as the API shows it: {@code source} is where it came from, {@code overdue} whether an open one is past due. */
    public record TaskView(long id, long ownerId, Long accountId, Long opportunityId, String source, String title, Instant dueAt, String status,
            boolean overdue, Instant snoozedUntil, Instant createdAt, Instant closedAt) {
    }

    private final ModuleDatabase db;
    private final CustomerCare care;
    private final Clock clock;
    private final Messages messages;

    @Activate
    public TaskRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events, @Reference Notifier notifier,
            @Reference Messages messages, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.messages = messages;
        this.care = new CustomerCare(db, events, notifier, clock);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/tasks", this::list).returnsItems(TaskView.class).query("status", "OPEN (default), DONE or ALL").roles(AccountRoutes.WORKERS)
                        .summary("Tasks you may see (yours; your teams' as a manager), open first and soonest due first; status=OPEN|DONE|ALL"
                                + " (ALL includes playbook tasks cancelled by a tier change)"),
                Route.post("/tasks/{id}/done", request -> Reply.ok(close(request, "DONE", null))).withoutBody().returns(TaskView.class).roles(AccountRoutes.WORKERS).summary("Mark a task done"),
                Route.post("/tasks/{id}/snooze", request -> {
                    Snooze body = request.body(Snooze.class);
                    new Validation().require(body.until() != null && body.until().isAfter(clock.instant()), "until", Message.of("field.until"))
                            .orThrow();
                    return Reply.ok(close(request, "SNOOZED", body.until()));
                }).body(Snooze.class).returns(TaskView.class).roles(AccountRoutes.WORKERS).summary("Put a task off until a time; it is due again then"));
    }

    private Reply list(ApiRequest request) {
        String status = request.queryParam("status").orElse("OPEN").toUpperCase(java.util.Locale.ROOT);
        new Validation().require(List.of("OPEN", "DONE", "ALL").contains(status), "status", Message.of("field.one_of", "OPEN, DONE, ALL")).orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        Sql sql = Sql.of("SELECT id, owner_id, account_id, opportunity_id, source, title, due_at, status, snoozed_until, created_at, closed_at,"
                + " title_message FROM pipeline_task t WHERE 1 = 1").and(caller.scope().ownedBy("t.owner_id"));
        if (status.equals("OPEN")) {
            sql = sql.and(Sql.of("t.status IN ('OPEN', 'SNOOZED')"));
        } else if (status.equals("DONE")) {
            sql = sql.and(Sql.of("t.status = 'DONE'"));
        }
        Sql query = sql.append("ORDER BY CASE WHEN t.status IN ('DONE', 'CANCELLED') THEN 1 ELSE 0 END, t.due_at, t.id FETCH FIRST 500 ROWS ONLY");
        return Reply.ok(Map.of("items", db.inTransaction(c -> {
            List<TaskView> items = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(row(rs, now, request.language()));
                }
            }
            return items;
        })));
    }

    private TaskView close(ApiRequest request, String status, Instant until) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            Sql find = Sql.of("SELECT id, owner_id, account_id, opportunity_id, source, title, due_at, status, snoozed_until, created_at, closed_at,"
                    + " title_message FROM pipeline_task t WHERE t.id = ?", id).and(caller.scope().ownedBy("t.owner_id"));
            TaskView before;
            try (PreparedStatement ps = find.prepare(c); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Message.of("error.task.not-found", id));
                }
                before = row(rs, now, request.language());
            }
            if ("DONE".equals(before.status())) {
                throw ApiException.conflict("task_done", Message.of("error.task-done", id), Map.of("closedAt", before.closedAt()));
            }
            if ("CANCELLED".equals(before.status())) {
                throw ApiException.conflict("task_cancelled", Message.of("error.task-cancelled", id),
                        Map.of("closedAt", before.closedAt()));
            }
            try (PreparedStatement ps = Sql.of("UPDATE pipeline_task SET status = ?, snoozed_until = ?, due_at = ?, closed_at = ? WHERE id = ?", status,
                    until, until != null ? until : before.dueAt(), status.equals("DONE") ? now : null, id).prepare(c)) {
                ps.executeUpdate();
            }
            if (status.equals("DONE") && Tasks.Source.PLAYBOOK.name().equals(before.source()) && before.accountId() != null) {
                care.playbookTaskDone(c, before.accountId()); // the playbook's next task, a period after this one was due
            }
            TaskView after;
            try (PreparedStatement ps = find.prepare(c); ResultSet rs = ps.executeQuery()) {
                rs.next();
                after = row(rs, now, request.language());
            }
            db.audit(c, AuditRecord.of(request, "tasks", id, status.toLowerCase(java.util.Locale.ROOT)).before(before).after(after));
            return after;
        });
    }

    private TaskView row(ResultSet rs, Instant now, Language language) throws java.sql.SQLException {
        String titleMessage = rs.getString("title_message");
        Instant due = Jdbc.instant(rs, "due_at");
        String status = rs.getString("status");
        return new TaskView(rs.getLong("id"), rs.getLong("owner_id"), rs.getObject("account_id", Long.class), rs.getObject("opportunity_id", Long.class),
                rs.getString("source"), titleMessage == null ? rs.getString("title") : StoredText.render(messages, titleMessage, language), due, status,
                ("OPEN".equals(status) || "SNOOZED".equals(status)) && due.isBefore(now), Jdbc.instant(rs, "snoozed_until"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "closed_at"));
    }
}
