package dev.pacesetter.pipeline.internal.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.api.ActivityKind;
import dev.pacesetter.pipeline.internal.customers.CustomerCare;
import dev.pacesetter.pipeline.internal.store.Jdbc;
import dev.pacesetter.pipeline.internal.store.OpportunityStore;
import dev.pacesetter.pipeline.internal.deadlines.StageDeadlines;
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
import dev.pacesetter.platform.api.schedule.Deadlines;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * What was done on an opportunity ({@code /api/v1/opportunities/{id}/activities}): calls with their duration,
 * visits, e-mails, proposals and revisions, demos, needs-confirmation calls and customer feedback, with who,
 * when and notes. Customer feedback restarts the stage's deadline clock.
 */
@Component(service = RouteProvider.class)
public final class ActivityRoutes implements RouteProvider {

    /** Body of POST; {@code at} defaults to now and may not lie in the future. */
    public record ActivityInput(ActivityKind kind, Instant at, Integer durationSeconds, Boolean competitorContact, String notes) {
    }

    /** As the API shows it. */
    public record Activity(long id, long opportunityId, long accountId, ActivityKind kind, long byUserId, Instant at, Integer durationSeconds,
            boolean competitorContact, String notes) {
    }

    private final ModuleDatabase db;
    private final Deadlines deadlines;
    private final CustomerCare care;
    private final Clock clock;

    @Activate
    public ActivityRoutes(@Reference ModuleDatabase db, @Reference Deadlines deadlines,
            @Reference EventPublisher events, @Reference Notifier notifier, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.deadlines = deadlines;
        this.care = new CustomerCare(db, events, notifier, clock);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/opportunities/{id}/activities", this::record).body(ActivityInput.class).returns(Activity.class).roles(AccountRoutes.WORKERS)
                        .summary("Record an activity: kind, at (default now), durationSeconds (required for calls), competitorContact, notes"),
                Route.get("/opportunities/{id}/activities", this::list).returnsItems(Activity.class).query("limit", Integer.class, "Page size").roles(AccountRoutes.READERS)
                        .summary("An opportunity's activities, oldest first"));
    }

    private Reply record(ApiRequest request) {
        long id = request.pathId("id");
        ActivityInput in = request.body(ActivityInput.class);
        Instant now = clock.instant();
        Instant at = in.at() == null ? now : in.at();
        Validation v = new Validation();
        v.require(in.kind() != null, "kind", Message.of("field.required.one-of", String.join(", ", java.util.Arrays.stream(ActivityKind.values()).map(Enum::name).toList())));
        v.require(!at.isAfter(now.plus(Duration.ofMinutes(5))), "at", Message.of("field.not-future"));
        v.require(in.kind() != ActivityKind.CALL || in.durationSeconds() != null, "durationSeconds", Message.of("field.call-duration"));
        v.require(in.durationSeconds() == null || (in.durationSeconds() >= 0 && in.durationSeconds() <= 86_400), "durationSeconds", Message.of("field.range", 0, 86400));
        v.require(in.notes() == null || in.notes().length() <= 4000, "notes", Message.of("field.max-length", 4000));
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Activity created = db.inTransaction(c -> {
            OpportunityStore.Opportunity o = OpportunityStore.find(c, id, caller.scope(), true, clock.instant())
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.opportunity.not-found", id)));
            if (!o.stage().isOpen()) {
                throw ApiException.conflict("opportunity_closed", Message.of("error.opportunity-closed", id, Message.of("stage." + o.stage().name())),
                        Map.of("stage", o.stage()));
            }
            long activityId = (Sql.of("INSERT INTO pipeline_activity (opportunity_id, account_id, kind, by_user, happened_at,"
                    + " duration_seconds, competitor_contact, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, o.accountId(), in.kind().name(),
                    caller.userId(), at, in.durationSeconds(), Boolean.TRUE.equals(in.competitorContact()), Jdbc.blankToNull(in.notes()), now)).insertReturningKey(c, "id");
            if (in.kind() == ActivityKind.CUSTOMER_FEEDBACK && at.isAfter(o.stageEnteredAt())) {
                StageDeadlines.track(c, deadlines, id, o.regionId(), o.stage(), at);
            }
            Activity activity = activities(c, id).stream().filter(a -> a.id() == activityId).findFirst().orElseThrow();
            db.audit(c, AuditRecord.of(request, "activities", activityId, "create").after(activity));
            care.recompute(c, o.accountId()); // contact, or competitor contact, moves the customer's health
            return activity;
        });
        return Reply.created("/api/v1/opportunities/" + id + "/activities", created);
    }

    private Reply list(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(Map.of("items", db.inTransaction(c -> {
            OpportunityStore.find(c, id, caller.scope(), false, clock.instant()).orElseThrow(() -> ApiException.notFound(Message.of("error.opportunity.not-found", id)));
            return activities(c, id);
        })));
    }

    static List<Activity> activities(Connection c, long opportunityId) throws SQLException {
        List<Activity> all = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT id, opportunity_id, account_id, kind, by_user, happened_at, duration_seconds, competitor_contact,"
                + " notes FROM pipeline_activity WHERE opportunity_id = ? ORDER BY happened_at, id", opportunityId).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new Activity(rs.getLong(1), rs.getLong(2), rs.getLong(3), ActivityKind.valueOf(rs.getString(4)), rs.getLong(5),
                        Jdbc.instant(rs, "happened_at"), rs.getObject(7, Integer.class), rs.getBoolean(8), rs.getString(9)));
            }
        }
        return all;
    }
}
