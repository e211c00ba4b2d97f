package dev.pacesetter.leads.internal.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.api.LeadAssigned;
import dev.pacesetter.leads.api.LeadTopics;
import dev.pacesetter.leads.internal.domain.AssignmentRule;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.leads.internal.domain.ManagedScope;
import dev.pacesetter.leads.internal.domain.Owner;
import dev.pacesetter.leads.internal.domain.OwnerCheck;
import dev.pacesetter.leads.internal.followup.FollowUps;
import dev.pacesetter.leads.internal.store.AssignmentRuleStore;
import dev.pacesetter.leads.internal.store.Jdbc;
import dev.pacesetter.leads.internal.store.LeadReader;
import dev.pacesetter.leads.internal.store.ManagedScopeStore;
import dev.pacesetter.leads.internal.store.OwnerStore;
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
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Who gets a lead: assignment rules ({@code /api/v1/lead-assignment-rules}) for leads that arrive without an
 * owner, and manual reassignment by a manager ({@code POST /api/v1/leads/{id}/assign}). Every assignment is
 * recorded in {@code leads_assignment} and shows in the lead's history.
 */
@Component(service = RouteProvider.class)
public final class AssignmentRoutes implements RouteProvider {

    /** Body of {@code POST /lead-assignment-rules}. */
    public record RuleInput(Integer sortOrder, Long regionId, String territory, Long channelId, Long teamId) {
    }

    /** Body of {@code POST /leads/{id}/assign}. */
    public record Assign(Long ownerId, String reason) {
    }

    private final ModuleDatabase db;
    private final EventPublisher events;
    private final FollowUps followUps;
    private final Clock clock;

    @Activate
    public AssignmentRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference FollowUps followUps, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.events = events;
        this.followUps = followUps;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/lead-assignment-rules", this::rules).returnsItems(AssignmentRule.class).roles(Role.ADMIN, Role.MANAGER, Role.MARKETING)
                        .summary("Assignment rules in the order they are tried: all for administrators, those of your regions and teams otherwise"),
                Route.post("/lead-assignment-rules", this::addRule).body(RuleInput.class).returns(AssignmentRule.class).roles(Role.ADMIN, Role.MANAGER)
                        .summary("Add a rule: leads matching regionId / territory / channelId go round-robin to the team's active reps;"
                                + " a manager's rules stay within the teams and regions they manage"),
                Route.delete("/lead-assignment-rules/{id}", this::deleteRule).withoutBody().roles(Role.ADMIN, Role.MANAGER)
                        .summary("Remove a rule of a team and region you manage"),
                Route.post("/leads/{id}/assign", this::reassign).body(Assign.class).returns(LeadView.class).roles(Role.ADMIN, Role.MANAGER)
                        .summary("Give a lead to another owner (yourself or someone you manage), with a reason"));
    }

    private Reply rules(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(Map.of("items", db.inTransaction(c -> {
            ManagedScope scope = ManagedScopeStore.of(c, caller);
            return AssignmentRuleStore.all(c).stream()
                    .filter(r -> scope.covers(r.regionId(), r.teamId()) || (r.regionId() != null && caller.regionId().equals(Optional.of(r.regionId()))))
                    .toList();
        })));
    }

    private Reply addRule(ApiRequest request) {
        RuleInput in = request.body(RuleInput.class);
        Validation v = new Validation();
        v.require(in.teamId() != null, "teamId", Message.of("field.rule.team"));
        v.require(in.sortOrder() == null || (in.sortOrder() >= 0 && in.sortOrder() <= 100_000), "sortOrder", Message.of("field.int_range", 0, 100000));
        v.require(in.territory() == null || (!in.territory().isBlank() && in.territory().length() <= 100), "territory", Message.of("field.length_range", 1, 100));
        v.orThrow();
        AssignmentRule rule = db.inTransaction(c -> {
            List<FieldError> unknown = new java.util.ArrayList<>();
            if (!exists(c, "org_team_v1", in.teamId())) {
                unknown.add(new FieldError("teamId", Message.of("field.team.unknown", in.teamId())));
            }
            if (in.regionId() != null && !exists(c, "org_region_v1", in.regionId())) {
                unknown.add(new FieldError("regionId", Message.of("field.region.unknown", in.regionId())));
            }
            if (in.channelId() != null && !exists(c, "leads_channel", in.channelId())) {
                unknown.add(new FieldError("channelId", Message.of("field.channel.unknown", in.channelId())));
            }
            if (!unknown.isEmpty()) {
                throw ApiException.invalidFields(unknown);
            }
            ManagedScope scope = ManagedScopeStore.of(c, request.caller().orElseThrow());
            // a manager's rule without a region would take every region's leads: it applies to the team's region
            Long regionId = in.regionId() != null || scope.everything() ? in.regionId() : regionOfTeam(c, in.teamId());
            if (!scope.covers(regionId, in.teamId())) {
                throw new ApiException(403, "not_your_team_or_region", regionId == null ? Message.of("error.rule.not-yours.team", in.teamId())
                        : Message.of("error.rule.not-yours", in.teamId(), regionId),
                        Map.of("fields", List.of(new FieldError("teamId", Message.of("field.rule.your-team")),
                                new FieldError("regionId", Message.of("field.rule.your-region")))));
            }
            long id = (Sql.of("INSERT INTO leads_assignment_rule (sort_order, region_id, territory, channel_id, team_id,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?)", in.sortOrder() == null ? 100 : in.sortOrder(), regionId,
                    Jdbc.blankToNull(in.territory()), in.channelId(), in.teamId(), clock.instant())).insertReturningKey(c, "id");
            if (!exists(c, "leads_round_robin", "team_id", in.teamId())) {
                try (PreparedStatement ps = Sql.of("INSERT INTO leads_round_robin (team_id, last_user_id) VALUES (?, NULL)", in.teamId()).prepare(c)) {
                    ps.executeUpdate();
                }
            }
            AssignmentRule created = AssignmentRuleStore.all(c).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
            db.audit(c, AuditRecord.of(request, "lead-assignment-rules", id, "create").after(created));
            return created;
        });
        return Reply.created("/api/v1/lead-assignment-rules/" + rule.id(), rule);
    }

    private Reply deleteRule(ApiRequest request) {
        long id = request.pathId("id");
        db.inTransaction(c -> {
            ManagedScope scope = ManagedScopeStore.of(c, request.caller().orElseThrow());
            // another region's rule answers like one that does not exist
            AssignmentRule rule = AssignmentRuleStore.all(c).stream().filter(r -> r.id() == id && scope.covers(r.regionId(), r.teamId())).findFirst()
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.assignment-rule.not-found", id)));
            try (PreparedStatement ps = Sql.of("DELETE FROM leads_assignment_rule WHERE id = ?", id).prepare(c)) {
                ps.executeUpdate();
            }
            db.audit(c, AuditRecord.of(request, "lead-assignment-rules", id, "delete").before(rule));
            return null;
        });
        return Reply.noContent();
    }

    private static Long regionOfTeam(Connection c, long teamId) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT region_id FROM org_team_v1 WHERE id = ?", teamId).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private Reply reassign(ApiRequest request) {
        long id = request.pathId("id");
        Assign body = request.body(Assign.class);
        Validation v = new Validation();
        v.require(body.ownerId() != null, "ownerId", Message.of("field.required"));
        v.require(body.reason() != null && !body.reason().isBlank() && body.reason().length() <= 300, "reason", Message.of("field.required.length", 1, 300));
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        return Reply.ok(db.inTransaction(c -> {
            LeadView before = LeadReader.lock(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.lead.not-found", id)));
            Optional<Owner> owner = OwnerStore.find(c, body.ownerId());
            Optional<FieldError> refused = OwnerCheck.refusal(caller, body.ownerId(), owner);
            if (refused.isPresent()) {
                throw ApiException.invalidFields(List.of(refused.get()));
            }
            if (!before.status().isOpen()) {
                throw ApiException.conflict("lead_closed", Message.of("error.lead-closed.assign", id, Message.of("status." + before.status().name())),
                        Map.of("status", before.status()));
            }
            if (before.ownerId() == body.ownerId()) {
                return before;
            }
            try (PreparedStatement ps = Sql.of("UPDATE leads_lead SET owner_id = ?, region_id = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    body.ownerId(), owner.get().regionId(), now, id).prepare(c)) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = Sql.of("INSERT INTO leads_assignment (lead_id, from_owner, to_owner, by_user, reason, happened_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, before.ownerId(), body.ownerId(), caller.userId(), body.reason().strip(), now).prepare(c)) {
                ps.executeUpdate();
            }
            followUps.reassign(c, id, body.ownerId()); // the new owner takes over the open follow-up and its deadline
            OutgoingEvent event = OutgoingEvent.of(LeadTopics.ASSIGNED, id, new LeadAssigned(id, before.ownerId(), body.ownerId(), body.reason().strip()));
            events.publish(c, owner.get().regionId() == null ? event : event.inRegion(owner.get().regionId()));
            LeadView after = LeadReader.find(c, id, dev.pacesetter.platform.api.security.RowScope.all(caller.userId())).orElseThrow();
            db.audit(c, AuditRecord.of(request, "leads", id, "assign").before(before).after(after));
            return after;
        }));
    }

    private static boolean exists(Connection c, String table, long id) throws SQLException {
        return exists(c, table, "id", id);
    }

    private static boolean exists(Connection c, String table, String column, long id) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT 1 FROM " + Sql.column(table) + " WHERE " + Sql.column(column) + " = ?", id).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
