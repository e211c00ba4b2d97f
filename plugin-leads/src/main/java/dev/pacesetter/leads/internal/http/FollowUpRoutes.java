package dev.pacesetter.leads.internal.http;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.internal.domain.Durations;
import dev.pacesetter.leads.internal.domain.FollowUpPolicy;
import dev.pacesetter.leads.internal.domain.LeadRoles;
import dev.pacesetter.leads.internal.domain.ReachRate;
import dev.pacesetter.leads.internal.domain.TouchKind;
import dev.pacesetter.leads.internal.followup.CloseReasons;
import dev.pacesetter.leads.internal.followup.FollowUpPolicyStore;
import dev.pacesetter.leads.internal.followup.FollowUps;
import dev.pacesetter.leads.internal.followup.RuleTexts;
import dev.pacesetter.leads.internal.store.Jdbc;
import dev.pacesetter.leads.internal.store.LeadReader;
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
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Follow-up policies ({@code /api/v1/follow-up-policies}), the follow-up tasks ({@code /api/v1/leads/follow-ups},
 * {@code /api/v1/leads/{id}/follow-ups}) and the reach rate ({@code /api/v1/leads/reach-rate}).
 */
@Component(service = RouteProvider.class)
public final class FollowUpRoutes implements RouteProvider {

    /** Body of PUT: ISO-8601 durations; {@code repeatEvery} null (or left out) for a single follow-up. */
    public record PolicyInput(TouchKind touchKind, String firstWithin, String repeatEvery) {
    }

    /** A task in the to-do list, with the lead's name. */
    public record ToDo(long id, long leadId, String personName, String company, long ownerId, Grade grade, TouchKind touchKind, String rule,
            Instant windowStart, Instant dueAt, String status, boolean overdue, Instant breachedAt) {
    }

    /** The reach rate of a period: per group and in total. */
    public record ReachRateReport(Instant from, Instant to, String groupBy, Grade grade, List<ReachRate> groups, ReachRate total) {
    }

    /** Longest period the reach rate covers in one request. */
    static final Duration MAX_PERIOD = Duration.ofDays(400);

    private final ModuleDatabase db;
    private final Clock clock;
    private final Messages messages;

    @Activate
    public FollowUpRoutes(@Reference ModuleDatabase db, @Reference Messages messages, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.messages = messages;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/follow-up-policies", request -> Reply.ok(Map.of("items", db.inTransaction(c -> inWords(c,
                        FollowUpPolicyStore.views(c).values(), request.language()))))).returnsItems(FollowUpPolicyStore.PolicyView.class).roles(LeadRoles.readers())
                        .summary("The follow-up policy of each grade: touch kind, first within, repeat every (ISO-8601 durations)"),
                Route.put("/follow-up-policies/{grade}", this::replacePolicy).body(PolicyInput.class).returns(FollowUpPolicyStore.PolicyView.class).roles(Role.ADMIN, Role.MANAGER)
                        .summary("Change a grade's follow-up policy {touchKind, firstWithin, repeatEvery}; tasks made from now on follow it"),
                Route.get("/leads/follow-ups", this::toDo).returnsItems(ToDo.class).query("limit", Integer.class, "Page size").query("ownerId", Long.class, "Only this rep's follow-ups").roles(LeadRoles.readers())
                        .summary("Follow-ups still to do in your scope (open, and breached ones not yet made up), soonest first; ownerId, limit"),
                // beside the list, leadId (the path's id), which the list's schema leaves out
                Route.get("/leads/{id}/follow-ups", this::ofLead).returnsItems(FollowUps.Task.class).roles(LeadRoles.readers())
                        .summary("Every follow-up task of a lead, newest first"),
                Route.get("/leads/reach-rate", this::reachRate).returns(ReachRateReport.class).query("from", java.time.Instant.class, "Period start").query("to", java.time.Instant.class, "Period end").query("groupBy", "rep (default), team or region").query("grade", Grade.class, "Only leads of this grade").roles(LeadRoles.readers())
                        .summary("Follow-ups met in time ÷ follow-ups due in [from, to), per rep, team or region (groupBy) and in total, in your"
                                + " scope; grade filters"));
    }

    private Reply replacePolicy(ApiRequest request) {
        Optional<Grade> grade = parseGrade(request.pathParam("grade"));
        if (grade.isEmpty()) {
            throw ApiException.notFound(Message.of("error.grade.not-found", request.pathParam("grade")));
        }
        PolicyInput input = request.body(PolicyInput.class);
        Duration first = Durations.parse(input.firstWithin()).orElse(null);
        Duration repeat = Durations.parse(input.repeatEvery()).orElse(null);
        var problems = FollowUpPolicy.problems(input.touchKind(), input.firstWithin(), first, input.repeatEvery(), repeat);
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        FollowUpPolicy policy = new FollowUpPolicy(grade.get(), input.touchKind(), first, repeat);
        long userId = request.caller().orElseThrow().userId();
        return Reply.ok(db.inTransaction(c -> {
            FollowUpPolicyStore.PolicyView before = FollowUpPolicyStore.views(c).get(grade.get());
            FollowUpPolicyStore.save(c, policy, userId, clock.instant());
            FollowUpPolicyStore.PolicyView after = FollowUpPolicyStore.views(c).get(grade.get());
            db.audit(c, AuditRecord.of(request, "follow-up-policies", grade.get().name(), "update").before(before).after(after));
            return inWords(c, List.of(after), request.language()).get(0);
        }));
    }

    /** The policy's rule in the reader's language. */
    private List<FollowUpPolicyStore.PolicyView> inWords(java.sql.Connection c, java.util.Collection<FollowUpPolicyStore.PolicyView> views, Language language)
            throws java.sql.SQLException {
        var policies = FollowUpPolicyStore.all(c);
        return views.stream().map(v -> new FollowUpPolicyStore.PolicyView(v.grade(), v.touchKind(), v.firstWithin(), v.repeatEvery(),
                messages.render(RuleTexts.of(policies.get(v.grade())), language), v.updatedBy(), v.updatedAt())).toList();
    }

    private static Optional<Grade> parseGrade(String text) {
        try {
            return Optional.of(Grade.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Reply toDo(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        Validation v = new Validation();
        int limit = v.intParam(request, "limit", 100, 1, 500);
        Optional<Long> owner = v.longParam(request, "ownerId");
        v.orThrow();
        Instant now = clock.instant();
        Sql sql = Sql.of("SELECT f.id, f.lead_id, l.person_name, l.company, f.owner_id, f.grade, f.touch_kind, f.rule, f.window_start, f.due_at,"
                + " f.status, f.breached_at FROM leads_follow_up f JOIN leads_lead l ON l.id = f.lead_id"
                + " WHERE (f.status = 'OPEN' OR (f.status = 'BREACHED' AND f.closed_at IS NULL))").and(caller.scope().ownedBy("f.owner_id"));
        if (owner.isPresent()) {
            sql = sql.and(Sql.of("f.owner_id = ?", owner.get()));
        }
        Sql query = sql.append("ORDER BY f.due_at, f.id FETCH FIRST ? ROWS ONLY", limit);
        List<ToDo> items = db.inTransaction(c -> {
            List<ToDo> rows = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant due = Jdbc.instant(rs, "due_at");
                    rows.add(new ToDo(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("person_name"), rs.getString("company"),
                            rs.getLong("owner_id"), Grade.valueOf(rs.getString("grade").strip()), TouchKind.valueOf(rs.getString("touch_kind")),
                            RuleTexts.render(messages, rs.getString("rule"), request.language()), Jdbc.instant(rs, "window_start"), due,
                            rs.getString("status"), due.isBefore(now),
                            Jdbc.instant(rs, "breached_at")));
                }
            }
            return rows;
        });
        return Reply.ok(Map.of("items", items));
    }

    private Reply ofLead(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(Map.of("leadId", id, "items", db.inTransaction(c -> {
            LeadReader.find(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.lead.not-found", id)));
            return FollowUps.ofLead(c, id).stream().map(t -> CloseReasons.shown(t, messages, request.language())).toList();
        })));
    }

    /**
     * How the reach rate is grouped: the column, the name people read (a region's name, not its code: the report is
     * for people), the code beside it for programs, and the join that names it.
     */
    enum GroupBy {
        REP("f.owner_id", "u.display_name", "u.username", "JOIN org_user_v1 u ON u.id = f.owner_id"),
        TEAM("f.team_id", "t.name", null, "LEFT JOIN org_team_v1 t ON t.id = f.team_id"),
        REGION("f.region_id", "r.name", "r.code", "LEFT JOIN org_region_v1 r ON r.id = f.region_id");

        final String column;
        final String name;
        /** null: the group has no code (teams) */
        final String code;
        final String join;

        GroupBy(String column, String name, String code, String join) {
            this.column = column;
            this.name = name;
            this.code = code;
            this.join = join;
        }
    }

    private Reply reachRate(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        Validation v = new Validation();
        Optional<Instant> to = instant(request, "to", v);
        Optional<Instant> from = instant(request, "from", v);
        Instant end = to.orElse(now);
        Instant start = from.orElse(end.minus(Duration.ofDays(30)));
        v.require(start.isBefore(end), "from", Message.of("field.from-before-to"));
        v.require(Duration.between(start, end).compareTo(MAX_PERIOD) <= 0, "to", Message.of("field.period-max-days", MAX_PERIOD.toDays()));
        String rawGroup = request.queryParam("groupBy").orElse("rep").strip().toUpperCase(Locale.ROOT);
        GroupBy groupBy = null;
        try {
            groupBy = GroupBy.valueOf(rawGroup);
        } catch (IllegalArgumentException e) {
            v.require(false, "groupBy", Message.of("field.one_of", "rep, team, region"));
        }
        Optional<Grade> grade = request.queryParam("grade").flatMap(g -> {
            Optional<Grade> parsed = parseGrade(g);
            v.require(parsed.isPresent(), "grade", Message.of("field.one_of", "A, B, C"));
            return parsed;
        });
        v.orThrow();
        GroupBy by = groupBy;
        Sql sql = Sql.of("SELECT " + by.column + " AS group_id, " + by.name + " AS group_name, " + (by.code == null ? "CAST(NULL AS VARCHAR(1))" : by.code) + " AS group_code,"
                + " SUM(CASE WHEN f.status = 'DONE' THEN 1 ELSE 0 END) AS reached,"
                + " SUM(CASE WHEN f.status = 'BREACHED' OR (f.status = 'OPEN' AND f.due_at <= ?) THEN 1 ELSE 0 END) AS missed,"
                + " SUM(CASE WHEN f.status = 'OPEN' AND f.due_at > ? THEN 1 ELSE 0 END) AS pending"
                + " FROM leads_follow_up f " + by.join + " WHERE f.due_at >= ? AND f.due_at < ? AND f.status <> 'CANCELLED'", now, now, start, end)
                .and(caller.scope().ownedBy("f.owner_id"));
        if (grade.isPresent()) {
            sql = sql.and(Sql.of("f.grade = ?", grade.get().name()));
        }
        Sql query = sql.append("GROUP BY " + by.column + ", " + by.name + (by.code == null ? "" : ", " + by.code) + " ORDER BY " + by.name + ", " + by.column);
        String key = by.name().toLowerCase(Locale.ROOT);
        List<ReachRate> groups = db.inTransaction(c -> {
            List<ReachRate> rows = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(ReachRate.of(key, rs.getObject("group_id", Long.class), rs.getString("group_name"), rs.getString("group_code"), rs.getLong("reached"),
                            rs.getLong("missed"), rs.getLong("pending")));
                }
            }
            return rows;
        });
        return Reply.ok(new ReachRateReport(start, end, key, grade.orElse(null), groups, ReachRate.total(groups)));
    }

    /** An ISO-8601 instant, or a date (its start, UTC). */
    private static Optional<Instant> instant(ApiRequest request, String name, Validation v) {
        return request.queryParam(name).flatMap(raw -> {
            String text = raw.strip();
            try {
                Instant value = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
                if (Validation.isPlausible(value)) {
                    return Optional.of(value);
                }
            } catch (DateTimeParseException e) {
                // said below
            }
            v.require(false, name, Message.of("field.instant-or-date"));
            return Optional.empty();
        });
    }
}
