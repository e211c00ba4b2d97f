package dev.pacesetter.leads.internal.http;

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

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.api.LeadGraded;
import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.leads.api.LeadTopics;
import dev.pacesetter.leads.api.LeadTouched;
import dev.pacesetter.leads.internal.PhoneKeying;
import dev.pacesetter.leads.internal.domain.EnumNames;
import dev.pacesetter.leads.internal.domain.GradeResult;
import dev.pacesetter.leads.internal.domain.GradingInputs;
import dev.pacesetter.leads.internal.domain.LeadFields;
import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.LeadRoles;
import dev.pacesetter.leads.internal.domain.LeadValidation;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.leads.internal.domain.PhoneKeys;
import dev.pacesetter.leads.internal.domain.TouchKind;
import dev.pacesetter.leads.internal.domain.TouchOutcome;
import dev.pacesetter.leads.internal.domain.Touches;
import dev.pacesetter.leads.internal.followup.CloseReasons;
import dev.pacesetter.leads.internal.followup.FollowUps;
import dev.pacesetter.leads.internal.store.GradingRulesStore;
import dev.pacesetter.leads.internal.store.Jdbc;
import dev.pacesetter.leads.internal.store.LeadHistory;
import dev.pacesetter.leads.internal.store.LeadReader;
import dev.pacesetter.leads.internal.store.LeadReferences;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Changing a lead ({@code PUT /api/v1/leads/{id}}, regraded when its grading inputs change) and its touches
 * ({@code /api/v1/leads/{id}/touches}).
 */
@Component(service = RouteProvider.class)
public final class LeadEditRoutes implements RouteProvider {

    /**
     * Body of PUT: {@code version} (the lead's, as read) is required; every other field left out or null keeps its
     * value; an empty string clears company, phone, e-mail or territory; {@code tags: []} removes every tag.
     */
    public record LeadEdit(Integer version, String personName, String company, String phone, String email, Long channelId, List<String> tags,
            String intent, String budgetStatus, LeadFields.BudgetBody budget, String decisionRole, String territory) {

        boolean onlyTags() {
            return personName == null && company == null && phone == null && email == null && channelId == null && intent == null
                    && budgetStatus == null && budget == null && decisionRole == null && territory == null;
        }
    }

    /** Body of POST touches as sent: kind and outcome as codes or Chinese words ({@link dev.pacesetter.leads.internal.domain.LeadVocabulary}). */
    public record TouchBody(String kind, String outcome, String at, String notes) {
    }

    /** A touch as read; {@code at} (an ISO-8601 instant) defaults to now. */
    record TouchInput(TouchKind kind, TouchOutcome outcome, String at, String notes) {
    }

    /** An edit with its enums and budget read, and the problems reading them. */
    record ReadEdit(Intent intent, BudgetStatus budgetStatus, Money budget, DecisionRole decisionRole, List<FieldError> problems) {
        static ReadEdit of(LeadEdit edit) {
            LeadFields fields = new LeadFields();
            Intent intent = fields.enumValue("intent", Intent.class, edit.intent());
            BudgetStatus status = fields.enumValue("budgetStatus", BudgetStatus.class, edit.budgetStatus());
            DecisionRole role = fields.enumValue("decisionRole", DecisionRole.class, edit.decisionRole());
            Money budget = edit.budget() == null ? null : fields.money("budget", edit.budget().amount(), edit.budget().currency());
            return new ReadEdit(intent, status, budget, role, fields.problems());
        }
    }

    /** A touch as the API shows it. */
    public record TouchView(long id, long leadId, TouchKind kind, TouchOutcome outcome, Instant at, long byUserId, String notes, Instant createdAt) {
    }

    /** What recording a touch did: the touch, the lead's status after it, the follow-up it met and the next one, late ones it made up. */
    public record TouchResult(TouchView touch, LeadStatus leadStatus, FollowUps.Task followUpDone, FollowUps.Task nextFollowUp, List<Long> madeUpLate) {
    }

    /** How far a touch's time may lie ahead of the server's clock (clients' clocks drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final ModuleDatabase db;
    private final EventPublisher events;
    private final FollowUps followUps;
    private final PhoneKeying phoneKeying;
    private final Clock clock;

    private final Messages messages;

    @Activate
    public LeadEditRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference FollowUps followUps, @Reference PhoneKeying phoneKeying, @Reference Messages messages, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.messages = messages;
        this.db = db;
        this.events = events;
        this.followUps = followUps;
        this.phoneKeying = phoneKeying;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.put("/leads/{id}", this::edit).body(LeadEdit.class).returns(LeadView.class).roles(Role.ADMIN, Role.MANAGER, Role.REP, Role.MARKETING)
                        .summary("Change a lead you may see (marketing: tags only); version required (409 if stale); a change of intent, budget"
                                + " or decision role regrades it by the rules in force, recorded in its history, and replaces its follow-up"),
                Route.post("/leads/{id}/touches", this::touch).body(TouchBody.class).returns(TouchResult.class).roles(Role.ADMIN, Role.MANAGER, Role.REP, Role.MARKETING)
                        .summary("Record a call, e-mail, visit or content sent {kind, outcome, at?, notes?}; a touch that meets the open"
                                + " follow-up in time closes it"),
                // beside the list, leadId (the path's id), which the list's schema leaves out
                Route.get("/leads/{id}/touches", this::touches).returnsItems(TouchView.class).query("limit", Integer.class, "Page size").roles(LeadRoles.readers())
                        .summary("A lead's touches, newest first (limit 1-500, default 100)"));
    }

    // ---------------------------------------------------------------- edit

    private Reply edit(ApiRequest request) {
        long id = request.pathId("id");
        LeadEdit edit = request.body(LeadEdit.class);
        ReadEdit read = ReadEdit.of(edit);
        Caller caller = request.caller().orElseThrow();
        new Validation().require(edit.version() != null, "version", Message.of("field.version")).orThrow();
        boolean marketingOnly = caller.hasRole(Role.MARKETING) && !caller.hasRole(Role.ADMIN) && !caller.hasRole(Role.MANAGER)
                && !caller.hasRole(Role.REP);
        if (marketingOnly && !edit.onlyTags()) {
            throw new ApiException(403, "forbidden", Message.of("error.marketing-tags-only"), null);
        }
        Instant now = clock.instant();
        LeadView after = db.inTransaction(c -> {
            LeadView before = LeadReader.find(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.lead.not-found", id)));
            if (!before.status().isOpen()) {
                throw ApiException.conflict("lead_closed", Message.of("error.lead-closed.edit", id, Message.of("status." + before.status().name())), null);
            }
            LeadInput merged = merge(before, edit, read);
            List<FieldError> problems = new ArrayList<>(read.problems());
            problems.addAll(LeadValidation.problems(merged));
            LeadInput references = new LeadInput(null, "x", null, null, null,
                    edit.channelId() != null && !edit.channelId().equals(before.channelId()) ? edit.channelId() : null, edit.tags(), null, null,
                    null, null, null, null);
            LeadReferences refs = LeadReferences.load(c);
            problems.addAll(refs.problems(references));
            if (!problems.isEmpty()) {
                throw ApiException.invalidFields(problems);
            }
            if (edit.version() != before.version()) {
                throw stale(id, before.version());
            }
            GradingInputs inputs = merged.gradingInputs();
            boolean regrade = !inputs.equals(new GradingInputs(before.intent(), before.budgetStatus(), before.decisionRole()));
            GradeResult grade = regrade ? GradingRulesStore.current(c).grade(inputs) : null;
            update(c, id, before.version(), merged, grade, now, phoneKeying.keys());
            if (edit.tags() != null) {
                replaceTags(c, id, refs.tagIds(references));
            }
            if (grade != null && grade.grade() != before.grade()) {
                LeadHistory.append(c, id, now, caller.userId(), "REGRADED", before.grade().name(), grade.grade().name(), grade.explain());
                OutgoingEvent event = OutgoingEvent.of(LeadTopics.GRADED, id, new LeadGraded(id, before.ownerId(), grade.grade(), before.grade(),
                        grade.rule(), grade.rulesVersion()));
                events.publish(c, before.regionId() == null ? event : event.inRegion(before.regionId()));
                followUps.regraded(c, id, before.grade(), grade.grade(), now);
            }
            LeadView changed = LeadReader.find(c, id, caller.scope()).orElseThrow();
            db.audit(c, AuditRecord.of(request, "leads", id, "update").before(before).after(changed));
            return changed;
        });
        return Reply.ok(new GradeTexts(messages, request.language()).lead(after));
    }

    private static ApiException stale(long id, int current) {
        return ApiException.conflict("stale_version", Message.of("error.stale-version", id, current), Map.of("currentVersion", current));
    }

    /**
     * The lead after the edit. A budget amount above zero sent without a budget status confirms a budget the lead had
     * as NONE (as at intake: a stated budget is not "no budget"); a status the lead has otherwise is kept.
     */
    static LeadInput merge(LeadView before, LeadEdit edit, ReadEdit read) {
        BudgetStatus status = read.budgetStatus() != null ? read.budgetStatus()
                : before.budgetStatus() == BudgetStatus.NONE ? LeadFields.inferredStatus(null, read.budget()) : null;
        return new LeadInput(before.externalId(), edit.personName() != null ? edit.personName() : before.personName(),
                keepOrClear(edit.company(), before.company()), keepOrClear(edit.phone(), before.phone()), keepOrClear(edit.email(), before.email()),
                edit.channelId() != null ? edit.channelId() : before.channelId(), edit.tags() != null ? edit.tags() : before.tags(),
                read.intent() != null ? read.intent() : before.intent(), status != null ? status : before.budgetStatus(),
                read.budget() != null ? read.budget() : before.budget(),
                read.decisionRole() != null ? read.decisionRole() : before.decisionRole(), null,
                keepOrClear(edit.territory(), before.territory()));
    }

    private static String keepOrClear(String sent, String before) {
        return sent == null ? before : sent.isBlank() ? null : sent;
    }

    private static void update(Connection c, long id, int version, LeadInput in, GradeResult grade, Instant now, PhoneKeys phoneKeys)
            throws SQLException {
        Money budget = in.budget();
        Sql update = Sql.of("UPDATE leads_lead SET person_name = ?, company = ?, phone = ?, email = ?, email_key = ?, phone_key = ?,"
                + " company_key = ?, channel_id = ?, intent = ?, budget_status = ?, budget_amount = ?, budget_currency = ?, decision_role = ?,"
                + " territory = ?, updated_at = ?, version = version + 1", in.personName().strip(), Jdbc.blankToNull(in.company()),
                Jdbc.blankToNull(in.phone()), Jdbc.blankToNull(in.email()), Normalizer.emailKey(in.email()).orElse(null),
                phoneKeys.key(in.phone()).orElse(null), Normalizer.companyKey(in.company()).orElse(null), in.channelId(), in.intentOrDefault().name(),
                in.budgetOrDefault().name(), budget == null ? null : budget.scaled(), budget == null ? null : budget.currency(),
                in.decisionOrDefault().name(), Jdbc.blankToNull(in.territory()), now);
        if (grade != null) {
            update = update.append(", grade = ?, grade_rule = ?, grade_rules_version = ?", grade.grade().name(), Jdbc.clip(grade.rule(), 100),
                    grade.rulesVersion());
        }
        try (PreparedStatement ps = update.append("WHERE id = ? AND version = ?", id, version).prepare(c)) {
            if (ps.executeUpdate() == 0) {
                throw stale(id, currentVersion(c, id));
            }
        }
    }

    private static int currentVersion(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT version FROM leads_lead WHERE id = ?", id).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private static void replaceTags(Connection c, long id, java.util.Set<Long> tagIds) throws SQLException {
        try (PreparedStatement ps = Sql.of("DELETE FROM leads_lead_tag WHERE lead_id = ?", id).prepare(c)) {
            ps.executeUpdate();
        }
        List<Sql> rows = new ArrayList<>(tagIds.size());
        for (long tag : tagIds) {
            rows.add(Sql.of("INSERT INTO leads_lead_tag (lead_id, tag_id) VALUES (?, ?)", id, tag));
        }
        Sql.batch(c, rows);
    }

    // ---------------------------------------------------------------- touches

    private Reply touch(ApiRequest request) {
        long id = request.pathId("id");
        TouchBody sent = request.body(TouchBody.class);
        LeadFields fields = new LeadFields();
        TouchInput input = new TouchInput(fields.enumValue("kind", TouchKind.class, sent.kind()), fields.enumValue("outcome", TouchOutcome.class,
                sent.outcome()), sent.at(), sent.notes());
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        Validation v = new Validation();
        fields.problems().forEach(p -> v.require(false, p.field(), p.text()));
        v.require(input.kind() != null || sent.kind() != null && !sent.kind().isBlank(), "kind", Message.of("field.required.one-of", EnumNames.of(TouchKind.values())));
        v.require(input.outcome() != null || sent.outcome() != null && !sent.outcome().isBlank(), "outcome", input.kind() == null ? Message.of("field.required")
                : Message.of("field.outcome.required", Message.of("touch.noun." + input.kind().name()), EnumNames.of(input.kind().outcomes())));
        if (input.kind() != null && input.outcome() != null) {
            v.require(input.kind().outcomes().contains(input.outcome()), "outcome", Message.of("field.outcome.not-of-kind",
                    Message.of("touch.noun." + input.kind().name()), EnumNames.of(input.kind().outcomes()), input.outcome().name()));
        }
        Instant at = input.at() == null ? now : v.instant("at", input.at()).orElse(now);
        v.require(!at.isAfter(now.plus(CLOCK_SKEW)), "at", Message.of("field.at.future", now.toString()));
        v.require(input.notes() == null || input.notes().length() <= 2000, "notes", Message.of("field.max_length", 2000));
        v.orThrow();
        Instant touchedAt = at;
        TouchResult body = db.inTransaction(c -> {
            LeadReader.find(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.lead.not-found", id)));
            LeadState lead = LeadState.lock(c, id);
            if (!lead.status().isOpen()) {
                throw ApiException.conflict("lead_closed", Message.of("error.lead-closed.touch", id, Message.of("status." + lead.status().name())), null);
            }
            if (touchedAt.isBefore(lead.createdAt())) {
                throw ApiException.invalidFields(List.of(new FieldError("at", Message.of("field.at.before-lead", String.valueOf(lead.createdAt())))));
            }
            TouchView touch = insertTouch(c, id, input, touchedAt, caller.userId(), now);
            boolean contacted = lead.status() == LeadStatus.NEW && Touches.gotThrough(input.kind(), input.outcome());
            try (PreparedStatement ps = Sql.of("UPDATE leads_lead SET first_touch_at = CASE WHEN first_touch_at IS NULL OR first_touch_at > ?"
                    + " THEN ? ELSE first_touch_at END, last_touch_at = CASE WHEN last_touch_at IS NULL OR last_touch_at < ? THEN ? ELSE last_touch_at END,"
                    + " status = ?, updated_at = ? WHERE id = ?", touchedAt, touchedAt, touchedAt, touchedAt,
                    (contacted ? LeadStatus.CONTACTED : lead.status()).name(), now, id).prepare(c)) {
                ps.executeUpdate();
            }
            if (contacted) {
                LeadHistory.append(c, id, now, caller.userId(), "STATUS_CHANGED", LeadStatus.NEW.name(), LeadStatus.CONTACTED.name(),
                        "first contact: " + input.kind() + " " + input.outcome() + " by " + caller.username());
            }
            FollowUps.TouchEffect effect = followUps.touched(c, id, touch.id(), input.kind(), input.outcome(), touchedAt);
            OutgoingEvent event = OutgoingEvent.of(LeadTopics.TOUCHED, id, new LeadTouched(id, touch.id(), input.kind().name(), caller.userId(),
                    touchedAt, input.outcome().name()));
            events.publish(c, lead.regionId() == null ? event : event.inRegion(lead.regionId()));
            db.audit(c, AuditRecord.of(request, "lead-touches", touch.id(), "create").after(touch));
            return new TouchResult(touch, contacted ? LeadStatus.CONTACTED : lead.status(), CloseReasons.shown(effect.satisfied(), messages,
                    request.language()), CloseReasons.shown(effect.next(), messages, request.language()), effect.madeUp());
        });
        return Reply.created("/api/v1/leads/" + id + "/touches", body);
    }

    private Reply touches(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        Validation v = new Validation();
        int limit = v.intParam(request, "limit", 100, 1, 500);
        v.orThrow();
        List<TouchView> items = db.inTransaction(c -> {
            LeadReader.find(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.lead.not-found", id)));
            List<TouchView> all = new ArrayList<>();
            try (PreparedStatement ps = Sql.of("SELECT id, lead_id, kind, outcome, happened_at, by_user, notes, created_at FROM leads_touch"
                    + " WHERE lead_id = ? ORDER BY happened_at DESC, id DESC FETCH FIRST ? ROWS ONLY", id, limit).prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(touchRow(rs));
                }
            }
            return all;
        });
        return Reply.ok(Map.of("leadId", id, "items", items));
    }

    private static TouchView insertTouch(Connection c, long leadId, TouchInput input, Instant at, long byUser, Instant now) throws SQLException {
        String notes = Jdbc.blankToNull(input.notes());
        long id = (Sql.of("INSERT INTO leads_touch (lead_id, kind, by_user, happened_at, outcome, notes, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", leadId, input.kind().name(), byUser, at, input.outcome().name(), notes, now)).insertReturningKey(c, "id");
        return new TouchView(id, leadId, input.kind(), input.outcome(), at, byUser, notes, now);
    }

    private static TouchView touchRow(ResultSet rs) throws SQLException {
        return new TouchView(rs.getLong("id"), rs.getLong("lead_id"), TouchKind.valueOf(rs.getString("kind")), TouchOutcome.valueOf(rs.getString("outcome")),
                Jdbc.instant(rs, "happened_at"), rs.getLong("by_user"), rs.getString("notes"), Jdbc.instant(rs, "created_at"));
    }

    /** The lead's row, locked for the rest of the transaction (touches on one lead are applied one after the other). */
    record LeadState(LeadStatus status, Long regionId, Instant createdAt) {
        static LeadState lock(Connection c, long id) throws SQLException {
            try (PreparedStatement ps = Sql.of("SELECT status, region_id, created_at FROM leads_lead WHERE id = ? FOR UPDATE", id).prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Message.of("error.lead.not-found", id));
                }
                return new LeadState(LeadStatus.valueOf(rs.getString(1)), rs.getObject(2, Long.class), rs.getTimestamp(3).toInstant());
            }
        }
    }
}
