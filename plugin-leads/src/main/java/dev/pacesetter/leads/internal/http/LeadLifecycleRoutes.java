package dev.pacesetter.leads.internal.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.leads.api.LeadConverted;
import dev.pacesetter.leads.api.LeadDisqualified;
import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.leads.api.LeadTopics;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.leads.internal.followup.FollowUps;
import dev.pacesetter.leads.internal.store.LeadHistory;
import dev.pacesetter.leads.internal.store.LeadReader;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;
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
 * A lead's status: qualify, disqualify (with a reason) and convert into an account and an opportunity, which
 * publishes {@code leads/lead.converted} for the pipeline. Moves that the status does not allow are refused
 * with 409 naming the allowed ones; converting twice is one of them. A converted or disqualified lead's open
 * follow-ups end.
 */
@Component(service = RouteProvider.class)
public final class LeadLifecycleRoutes implements RouteProvider {

    /** Body of {@code POST /leads/{id}/disqualify}. */
    public record Disqualify(String reason) {
    }

    /** Body of {@code POST /leads/{id}/convert}; the amount defaults to the lead's budget. */
    public record Convert(String opportunityName, Money amount) {
    }

    private static final Role[] WORKERS = {Role.ADMIN, Role.MANAGER, Role.REP};

    private final ModuleDatabase db;
    private final EventPublisher events;
    private final FollowUps followUps;
    private final Clock clock;

    @Activate
    public LeadLifecycleRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference FollowUps followUps, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.events = events;
        this.followUps = followUps;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/leads/{id}/qualify", request -> Reply.ok(move(request, LeadStatus.QUALIFIED, null))).withoutBody().returns(LeadView.class).roles(WORKERS)
                        .summary("Mark a lead qualified (from NEW or CONTACTED)"),
                Route.post("/leads/{id}/disqualify", request -> {
                    Disqualify body = request.body(Disqualify.class);
                    new Validation().require(body.reason() != null && !body.reason().isBlank() && body.reason().length() <= 500, "reason",
                            Message.of("field.disqualify-reason")).orThrow();
                    return Reply.ok(move(request, LeadStatus.DISQUALIFIED, body.reason().strip()));
                }).body(Disqualify.class).returns(LeadView.class).roles(WORKERS).summary("Disqualify a lead with a reason; its open follow-ups end"),
                Route.post("/leads/{id}/convert", this::convert).body(Convert.class).returns(LeadConverted.class).roles(WORKERS)
                        .summary("Convert a qualified lead into an account and an opportunity (event leads/lead.converted); 409 if converted already"));
    }

    private LeadView move(ApiRequest request, LeadStatus to, String reason) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            LeadView before = lockedOrNotFound(c, id, caller);
            refuseUnlessAllowed(before, to);
            setStatus(c, id, to, reason, null, now);
            LeadHistory.append(c, id, now, caller.userId(), "STATUS_CHANGED", before.status().name(), to.name(), reason);
            if (to == LeadStatus.DISQUALIFIED) {
                followUps.closeAll(c, id, "disqualified: " + reason, now);
                events.publish(c, inRegion(OutgoingEvent.of(LeadTopics.DISQUALIFIED, id, new LeadDisqualified(id, before.ownerId(), reason)), before));
            }
            LeadView after = LeadReader.find(c, id, caller.scope()).orElseThrow();
            db.audit(c, AuditRecord.of(request, "leads", id, to.name().toLowerCase(java.util.Locale.ROOT)).before(before).after(after));
            return after;
        });
    }

    private Reply convert(ApiRequest request) {
        long id = request.pathId("id");
        Convert body = request.body(Convert.class);
        Validation v = new Validation();
        v.require(body.opportunityName() == null || (!body.opportunityName().isBlank() && body.opportunityName().length() <= 200),
                "opportunityName", Message.of("field.length_range", 1, 200));
        if (body.amount() != null) {
            if (body.amount().problem() != null) {
                v.require(false, "amount", body.amount().problemText());
            }
        }
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        LeadConverted converted = db.inTransaction(c -> {
            LeadView lead = lockedOrNotFound(c, id, caller);
            if (lead.status() == LeadStatus.CONVERTED) {
                throw ApiException.conflict("already_converted", Message.of("error.already-converted", id, String.valueOf(lead.convertedAt())),
                        Map.of("convertedAt", lead.convertedAt()));
            }
            refuseUnlessAllowed(lead, LeadStatus.CONVERTED);
            Money amount = body.amount() != null ? body.amount() : lead.budget();
            String account = lead.company() != null ? lead.company() : lead.personName();
            LeadConverted event = new LeadConverted(id, lead.externalId(), account, lead.personName(), lead.email(), lead.phone(), lead.ownerId(),
                    lead.regionId(), lead.channelId(), lead.grade(), lead.tags(),
                    body.opportunityName() != null ? body.opportunityName().strip() : account + " — " + lead.personName(),
                    amount == null ? null : amount.scaled(), amount == null ? null : amount.currency(), now);
            setStatus(c, id, LeadStatus.CONVERTED, null, now, now);
            LeadHistory.append(c, id, now, caller.userId(), "STATUS_CHANGED", lead.status().name(), LeadStatus.CONVERTED.name(), "converted");
            followUps.closeAll(c, id, "converted", now);
            events.publish(c, inRegion(OutgoingEvent.of(LeadTopics.CONVERTED, id, event), lead));
            db.audit(c, AuditRecord.of(request, "leads", id, "convert").before(lead).after(event));
            return event;
        });
        return Reply.ok(converted);
    }

    private static LeadView lockedOrNotFound(Connection c, long id, Caller caller) throws SQLException {
        return LeadReader.lock(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.lead.not-found", id)));
    }

    /** "合格、不合格" / "QUALIFIED, DISQUALIFIED": the statuses in order, in the reader's language. */
    private static Message statuses(java.util.Set<LeadStatus> statuses) {
        Message all = null;
        for (LeadStatus status : statuses.stream().sorted().toList()) {
            Message one = Message.of("status." + status.name());
            all = all == null ? one : Message.of("status.list", all, one);
        }
        return all;
    }

    private static void refuseUnlessAllowed(LeadView lead, LeadStatus to) {
        if (!lead.status().next().contains(to)) {
            throw ApiException.conflict("illegal_status_change", lead.status().next().isEmpty()
                    ? Message.of("error.status-change.final", lead.id(), Message.of("status." + lead.status().name()), Message.of("status." + to.name()))
                    : Message.of("error.status-change", lead.id(), Message.of("status." + lead.status().name()), Message.of("status." + to.name()),
                            statuses(lead.status().next())),
                    Map.of("status", lead.status(), "allowed", lead.status().next()));
        }
    }

    private static void setStatus(Connection c, long id, LeadStatus to, String reason, Instant convertedAt, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE leads_lead SET status = ?, disqualify_reason = ?, converted_at = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ?", to.name(), reason, convertedAt, now, id).prepare(c)) {
            ps.executeUpdate();
        }
    }

    private static OutgoingEvent inRegion(OutgoingEvent event, LeadView lead) {
        return lead.regionId() == null ? event : event.inRegion(lead.regionId());
    }
}
