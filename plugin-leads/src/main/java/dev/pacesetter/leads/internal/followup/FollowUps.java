package dev.pacesetter.leads.internal.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.LeadSlaBreached;
import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.leads.api.LeadTopics;
import dev.pacesetter.leads.internal.domain.FollowUpPolicy;
import dev.pacesetter.leads.internal.domain.NewLead;
import dev.pacesetter.leads.internal.domain.Owner;
import dev.pacesetter.leads.internal.domain.TouchKind;
import dev.pacesetter.leads.internal.domain.TouchOutcome;
import dev.pacesetter.leads.internal.domain.Touches;
import dev.pacesetter.leads.internal.store.Jdbc;
import dev.pacesetter.leads.internal.store.OwnerStore;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.notify.Severity;
import dev.pacesetter.platform.api.schedule.Deadline;
import dev.pacesetter.platform.api.schedule.DeadlineHandler;
import dev.pacesetter.platform.api.schedule.Deadlines;
import dev.pacesetter.platform.api.schedule.FiredDeadline;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;
import dev.pacesetter.platform.api.org.Organisation;
import dev.pacesetter.platform.api.org.Person;

/**
 * The owners' follow-up tasks and their deadlines ({@code leads_follow_up}; deadline kind {@value #KIND}, key = the
 * lead's id, region = the owner's region). A lead has at most one OPEN task at a time; its deadline is due when the
 * task is. Every method works on the caller's connection, inside the transaction that changes the lead.
 *
 * <p><b>Lock order.</b> Callers lock or update the lead row first, then call these methods; they touch the deadline
 * (cancelling it waits for a firing in progress) before the task rows. The firing handler holds only the deadline and
 * task rows and never locks the lead, so the two cannot deadlock.
 */
@Component(service = {FollowUps.class, DeadlineHandler.class})
public final class FollowUps implements DeadlineHandler {

    public static final String KIND = "lead.follow-up";
    public static final String NOTIFICATION_KIND = "leads.sla-breached";

    /** Task states. */
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String BREACHED = "BREACHED";
    public static final String CANCELLED = "CANCELLED";

    /** A follow-up task as the API shows it. */
    public record Task(long id, long leadId, long ownerId, Long teamId, Long regionId, Grade grade, TouchKind touchKind, String rule,
            Instant windowStart, Instant dueAt, String status, Instant breachedAt, Instant closedAt, Long touchId, String closeReason,
            Instant createdAt) {

        /** The same task with its rule and close reason as the reader reads them. */
        public Task withTexts(String ruleText, String closeReasonText) {
            return new Task(id, leadId, ownerId, teamId, regionId, grade, touchKind, ruleText, windowStart, dueAt, status, breachedAt, closedAt,
                    touchId, closeReasonText, createdAt);
        }
    }

    /** What a touch did to the lead's follow-ups. */
    public record TouchEffect(Task satisfied, Task next, List<Long> madeUp) {
    }

    static final String COLUMNS = "f.id, f.lead_id, f.owner_id, f.team_id, f.region_id, f.grade, f.touch_kind, f.rule, f.window_start, f.due_at,"
            + " f.status, f.breached_at, f.closed_at, f.touch_id, f.close_reason, f.created_at";
    private static final String INSERT = "INSERT INTO leads_follow_up (lead_id, owner_id, team_id, region_id, grade, touch_kind, rule, window_start,"
            + " due_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)";

    private final Deadlines deadlines;
    private final Notifier notifier;
    private final EventPublisher events;
    private final Clock clock;
    private final Organisation organisation;

    @Activate
    public FollowUps(@Reference ModuleDatabase db, @Reference Deadlines deadlines, @Reference Notifier notifier,
            @Reference EventPublisher events, @Reference PlatformClock time, @Reference Organisation organisation) {
        this(deadlines, notifier, events, time.clock(), organisation);
    }

    FollowUps(Deadlines deadlines, Notifier notifier, EventPublisher events, Clock clock, Organisation organisation) {
        this.organisation = organisation;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Gives every new lead its first follow-up task and deadline, in batches ({@code LeadCreation.createAll} calls it
     * for REST and import alike).
     */
    public void scheduleNew(Connection c, List<Long> ids, List<NewLead> leads, Instant now) throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        Map<Grade, FollowUpPolicy> policies = FollowUpPolicyStore.all(c);
        List<Sql> tasks = new ArrayList<>(leads.size());
        List<Deadline> due = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            NewLead lead = leads.get(i);
            FollowUpPolicy policy = policies.get(lead.grade().grade());
            Instant dueAt = policy.firstDue(now);
            tasks.add(insertTask(ids.get(i), lead.owner(), policy.grade(), policy.touchKind(), policy.rule(), now, dueAt, now));
            due.add(deadline(ids.get(i), dueAt, lead.owner().regionId()));
        }
        Sql.batch(c, tasks);
        deadlines.scheduleAll(c, due);
    }

    /**
     * Applies a recorded touch: it closes the open task if it meets the task's touch kind ({@link Touches#satisfies})
     * between the task's window start and its due time (DONE; a repeating policy gets its next task, due the repeat
     * after the touch), and makes up breached tasks still to do. The deadline follows the open task.
     */
    public TouchEffect touched(Connection c, long leadId, long touchId, TouchKind kind, TouchOutcome outcome, Instant at) throws SQLException {
        deadlines.cancel(c, KIND, leadId);
        Optional<Task> open = open(c, leadId);
        Task satisfied = null;
        Task next = null;
        if (open.isPresent() && meets(open.get(), kind, outcome, at) && !at.isAfter(open.get().dueAt())) {
            Task task = open.get();
            if (close(c, task.id(), DONE, at, touchId, null)) {
                satisfied = find(c, task.id()).orElseThrow();
                LeadRef lead = LeadRef.load(c, leadId).orElseThrow();
                FollowUpPolicy policy = FollowUpPolicyStore.all(c).get(lead.grade());
                Instant nextDue = policy.nextAfterTouch(at);
                if (nextDue != null && lead.status().isOpen()) {
                    next = insert(c, lead, policy.grade(), policy.touchKind(), policy.repeatRule(), at, nextDue);
                }
            }
        }
        List<Long> madeUp = new ArrayList<>();
        for (Task breached : breachedToDo(c, leadId)) {
            if (meets(breached, kind, outcome, at) && close(c, breached.id(), BREACHED, at, touchId, "made up late")) {
                madeUp.add(breached.id());
            }
        }
        Optional<Task> remaining = next != null ? Optional.of(next) : satisfied != null ? Optional.empty() : open;
        remaining.ifPresent(t -> deadlines.schedule(c, deadline(t.leadId(), t.dueAt(), t.regionId())));
        return new TouchEffect(satisfied, next, madeUp);
    }

    /**
     * After a grade change: the open task (and breached ones still to do) are cancelled and the lead gets a task of
     * the new grade's policy, due {@code firstWithin} from now. Nothing new for a lead that is no longer open.
     *
     * @return the new task, if any
     */
    public Optional<Task> regraded(Connection c, long leadId, Grade from, Grade to, Instant now) throws SQLException {
        closeAll(c, leadId, "regraded " + from + " → " + to, now);
        LeadRef lead = LeadRef.load(c, leadId).orElseThrow();
        if (!lead.status().isOpen()) {
            return Optional.empty();
        }
        FollowUpPolicy policy = FollowUpPolicyStore.all(c).get(to);
        Task task = insert(c, lead, to, policy.touchKind(), policy.rule(), now, policy.firstDue(now));
        deadlines.schedule(c, deadline(leadId, task.dueAt(), task.regionId()));
        return Optional.of(task);
    }

    /**
     * Ends a lead's follow-ups, e.g. when it is converted or disqualified: its deadline is cancelled, the open task is
     * CANCELLED and breached tasks still to do are closed, each with {@code reason}. Call it in the transaction that
     * changes the lead's status, after updating the lead row.
     *
     * @return how many tasks were closed
     */
    public int closeAll(Connection c, long leadId, String reason, Instant now) throws SQLException {
        deadlines.cancel(c, KIND, leadId);
        String why = Jdbc.clip(reason, 200);
        int closed;
        try (PreparedStatement ps = Sql.of("UPDATE leads_follow_up SET status = 'CANCELLED', closed_at = ?, close_reason = ? WHERE lead_id = ?"
                + " AND status = 'OPEN'", now, why, leadId).prepare(c)) {
            closed = ps.executeUpdate();
        }
        try (PreparedStatement ps = Sql.of("UPDATE leads_follow_up SET closed_at = ?, close_reason = ? WHERE lead_id = ? AND status = 'BREACHED'"
                + " AND closed_at IS NULL", now, why, leadId).prepare(c)) {
            closed += ps.executeUpdate();
        }
        return closed;
    }

    /**
     * Moves a lead's open task and breached tasks still to do to {@code toOwnerId} (with the new owner's team and
     * region; the deadline moves to that region). Call it in the transaction that reassigns the lead, after updating
     * the lead row.
     *
     * @return how many tasks moved
     */
    public int reassign(Connection c, long leadId, long toOwnerId) throws SQLException {
        deadlines.cancel(c, KIND, leadId);
        Owner owner = OwnerStore.find(c, toOwnerId).orElseThrow(() -> new IllegalArgumentException("no user " + toOwnerId));
        int moved;
        try (PreparedStatement ps = Sql.of("UPDATE leads_follow_up SET owner_id = ?, team_id = ?, region_id = ? WHERE lead_id = ?"
                + " AND (status = 'OPEN' OR (status = 'BREACHED' AND closed_at IS NULL))", owner.id(), owner.teamId(), owner.regionId(), leadId)
                .prepare(c)) {
            moved = ps.executeUpdate();
        }
        Optional<Task> open = open(c, leadId);
        if (open.isPresent()) {
            deadlines.schedule(c, deadline(leadId, open.get().dueAt(), open.get().regionId()));
        }
        return moved;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * A follow-up came due without a satisfying touch: the task is BREACHED, the owner and their team's manager are
     * notified (RED for A leads, WARNING otherwise), {@code leads/lead.sla-breached} is published, and a repeating
     * policy gets its next task.
     */
    @Override
    public void fire(Connection c, FiredDeadline deadline) throws Exception {
        long leadId = Long.parseLong(deadline.key());
        Optional<Task> open = open(c, leadId);
        if (open.isEmpty()) {
            return;
        }
        Task task = open.get();
        if (task.dueAt().isAfter(deadline.dueAt())) {
            deadlines.schedule(c, deadline(leadId, task.dueAt(), task.regionId()));
            return;
        }
        Instant now = clock.instant();
        LeadRef lead = LeadRef.load(c, leadId).orElseThrow();
        if (!lead.status().isOpen()) {
            close(c, task.id(), CANCELLED, now, null, "lead " + lead.status());
            return;
        }
        try (PreparedStatement ps = Sql.of("UPDATE leads_follow_up SET status = 'BREACHED', breached_at = ? WHERE id = ? AND status = 'OPEN'", now,
                task.id()).prepare(c)) {
            if (ps.executeUpdate() == 0) {
                return;
            }
        }
        alert(c, lead, task);
        OutgoingEvent event = OutgoingEvent.of(LeadTopics.SLA_BREACHED, leadId, new LeadSlaBreached(leadId, task.ownerId(), task.grade(),
                task.touchKind().name(), task.dueAt()));
        events.publish(c, task.regionId() == null ? event : event.inRegion(task.regionId()));
        FollowUpPolicy policy = FollowUpPolicyStore.all(c).get(lead.grade());
        Instant nextDue = policy.nextAfterMiss(task.dueAt(), now);
        if (nextDue != null) {
            Task next = insert(c, lead, policy.grade(), policy.touchKind(), policy.repeatRule(), task.dueAt(), nextDue);
            deadlines.schedule(c, deadline(leadId, next.dueAt(), next.regionId()));
        }
    }

    private void alert(Connection c, LeadRef lead, Task task) throws SQLException {
        String who = lead.personName() + (lead.company() == null ? "" : ", " + lead.company());
        Message title = Message.of("notify.sla-breached.title", task.grade().name(), Jdbc.clip(who, 150));
        Optional<Person> owner = organisation.person(c, task.ownerId());
        String ownerName = owner.map(Person::displayName).orElse(null);
        Long manager = owner.map(Person::managerId).orElse(null);
        Message body = Message.of("notify.sla-breached.body", task.grade().name(),
                ownerName == null ? Message.of("user.unnamed", task.ownerId()) : ownerName, Message.of("touch.noun." + task.touchKind().name()),
                task.dueAt().toString());
        Severity severity = task.grade() == Grade.A ? Severity.RED : Severity.WARNING;
        Object rule = RuleTexts.stored(task.rule());
        for (Long recipient : manager != null && manager != task.ownerId() ? List.of(task.ownerId(), manager) : List.of(task.ownerId())) {
            Notification alert = Notification.to(recipient, NOTIFICATION_KIND, severity, title).body(body).link("/leads/" + lead.id());
            notifier.notify(c, rule instanceof Message m ? alert.rule(m) : alert.rule((String) rule));
        }
    }

    private static boolean meets(Task task, TouchKind kind, TouchOutcome outcome, Instant at) {
        return Touches.satisfies(task.touchKind(), kind, outcome) && !at.isBefore(task.windowStart());
    }

    /** The lead's open task, if any. */
    public static Optional<Task> open(Connection c, long leadId) throws SQLException {
        List<Task> tasks = tasks(c, Sql.of("SELECT " + COLUMNS + " FROM leads_follow_up f WHERE f.lead_id = ? AND f.status = 'OPEN' ORDER BY f.id DESC",
                leadId));
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0));
    }

    static Optional<Task> find(Connection c, long id) throws SQLException {
        List<Task> tasks = tasks(c, Sql.of("SELECT " + COLUMNS + " FROM leads_follow_up f WHERE f.id = ?", id));
        return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0));
    }

    /** Every task of a lead, newest first. */
    public static List<Task> ofLead(Connection c, long leadId) throws SQLException {
        return tasks(c, Sql.of("SELECT " + COLUMNS + " FROM leads_follow_up f WHERE f.lead_id = ? ORDER BY f.id DESC", leadId));
    }

    private static List<Task> breachedToDo(Connection c, long leadId) throws SQLException {
        return tasks(c, Sql.of("SELECT " + COLUMNS + " FROM leads_follow_up f WHERE f.lead_id = ? AND f.status = 'BREACHED' AND f.closed_at IS NULL"
                + " ORDER BY f.id", leadId));
    }

    static List<Task> tasks(Connection c, Sql sql) throws SQLException {
        List<Task> tasks = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tasks.add(row(rs));
            }
        }
        return tasks;
    }

    static Task row(ResultSet rs) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("lead_id"), rs.getLong("owner_id"), rs.getObject("team_id", Long.class),
                rs.getObject("region_id", Long.class), Grade.valueOf(rs.getString("grade").strip()), TouchKind.valueOf(rs.getString("touch_kind")),
                rs.getString("rule"), Jdbc.instant(rs, "window_start"), Jdbc.instant(rs, "due_at"), rs.getString("status"),
                Jdbc.instant(rs, "breached_at"), Jdbc.instant(rs, "closed_at"), rs.getObject("touch_id", Long.class),
                rs.getString("close_reason"), Jdbc.instant(rs, "created_at"));
    }

    private static boolean close(Connection c, long taskId, String status, Instant at, Long touchId, String reason) throws SQLException {
        // an open task is closed as DONE or CANCELLED; a breached one stays BREACHED and only gets its closing time
        String which = status.equals(BREACHED) ? "status = 'BREACHED' AND closed_at IS NULL" : "status = 'OPEN'";
        try (PreparedStatement ps = Sql.of("UPDATE leads_follow_up SET status = ?, closed_at = ?, touch_id = ?, close_reason = ?"
                + " WHERE id = ? AND " + which, status, at, touchId, reason, taskId).prepare(c)) {
            return ps.executeUpdate() == 1;
        }
    }

    private Task insert(Connection c, LeadRef lead, Grade grade, TouchKind kind, String rule, Instant windowStart, Instant dueAt) throws SQLException {
        Owner owner = OwnerStore.find(c, lead.ownerId()).orElseThrow();
        long id = (insertTask(lead.id(), owner, grade, kind, rule, windowStart, dueAt, clock.instant())).insertReturningKey(c, "id");
        return find(c, id).orElseThrow();
    }

    /** The INSERT of one OPEN task, with the owner's team and region. */
    private static Sql insertTask(long leadId, Owner owner, Grade grade, TouchKind kind, String rule, Instant windowStart, Instant dueAt,
            Instant createdAt) {
        return Sql.of(INSERT, leadId, owner.id(), owner.teamId(), owner.regionId(), grade.name(), kind.name(), Jdbc.clip(rule, 200), windowStart,
                dueAt, createdAt);
    }

    private static Deadline deadline(long leadId, Instant dueAt, Long regionId) {
        Deadline d = Deadline.of(KIND, leadId, dueAt);
        return regionId == null ? d : d.inRegion(regionId);
    }

    /** What the follow-ups need of a lead. */
    record LeadRef(long id, long ownerId, Long regionId, Grade grade, LeadStatus status, String personName, String company) {
        static Optional<LeadRef> load(Connection c, long id) throws SQLException {
            try (PreparedStatement ps = Sql.of("SELECT id, owner_id, region_id, grade, status, person_name, company FROM leads_lead WHERE id = ?", id)
                    .prepare(c); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LeadRef(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), Grade.valueOf(rs.getString(4).strip()),
                        LeadStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)));
            }
        }
    }
}
