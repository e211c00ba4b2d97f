package dev.pacesetter.pipeline.internal.http;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.api.OpportunityCreated;
import dev.pacesetter.pipeline.api.OpportunityLost;
import dev.pacesetter.pipeline.api.OpportunityWon;
import dev.pacesetter.pipeline.api.PipelineTopics;
import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.api.StageChanged;
import dev.pacesetter.pipeline.internal.customers.CustomerCare;
import dev.pacesetter.pipeline.internal.domain.Members;
import dev.pacesetter.pipeline.internal.domain.StageDeadlinePolicy;
import dev.pacesetter.pipeline.internal.domain.StoredText;
import dev.pacesetter.pipeline.internal.store.AccountStore;
import dev.pacesetter.pipeline.internal.store.BoardTotals;
import dev.pacesetter.pipeline.internal.store.OpportunityStore;
import dev.pacesetter.pipeline.internal.store.OrderStore;
import dev.pacesetter.pipeline.internal.store.Owners;
import dev.pacesetter.pipeline.internal.deadlines.StageDeadlines;
import dev.pacesetter.pipeline.internal.store.StageDeadlinePolicyStore;
import dev.pacesetter.pipeline.internal.store.TierThresholdsStore;
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
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.schedule.Deadlines;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Opportunities and their stages ({@code /api/v1/opportunities}), and the stage deadlines that remind owners
 * when a customer goes quiet ({@code /api/v1/stage-deadlines}).
 */
@Component(service = RouteProvider.class)
public final class OpportunityRoutes implements RouteProvider {

    /** Body of {@code POST /opportunities}. */
    public record OpportunityInput(Long accountId, String name, Money amount, Long ownerId, String product, LocalDate expectedClose,
            List<Members.Member> members) {
    }

    /** Body of {@code POST /opportunities/{id}/stage}; a lost opportunity needs a reason. */
    public record StageMove(Stage stage, String reason) {
    }

    /** Body of {@code PUT /stage-deadlines/{stage}}: {@code within} as an ISO-8601 duration such as P3D. */
    public record DeadlineInput(String within, String rule, Boolean active) {
    }

    private final ModuleDatabase db;
    private final EventPublisher events;
    private final Deadlines deadlines;
    private final CustomerCare care;
    private final Clock clock;
    private final Messages messages;

    @Activate
    public OpportunityRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference Deadlines deadlines, @Reference Notifier notifier, @Reference Messages messages, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.messages = messages;
        this.events = events;
        this.deadlines = deadlines;
        this.care = new CustomerCare(db, events, notifier, clock);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/opportunities", this::create).body(OpportunityInput.class).returns(OpportunityStore.Opportunity.class).roles(AccountRoutes.WORKERS)
                        .summary("Open an opportunity on an account you may see: amount with currency, owner, supporters with weights adding up to 1"),
                Route.get("/opportunities", this::list).returnsItems(OpportunityStore.Opportunity.class).query("stage", Stage.class, "Only opportunities in this stage").query("accountId", Long.class, "Only this account's opportunities").query("ownerId", Long.class, "Only this owner's opportunities").query("before", Long.class, "Cursor: the nextBefore of the previous page").query("limit", Integer.class, "Page size").roles(AccountRoutes.READERS)
                        .summary("Opportunities you may see, newest first; stage, accountId, ownerId, limit, before"),
                Route.get("/opportunities/{id}", request -> Reply.ok(load(request))).returns(OpportunityStore.Opportunity.class).roles(AccountRoutes.READERS)
                        .summary("One opportunity with its members and the time spent in each stage"),
                Route.post("/opportunities/{id}/stage", this::move).body(StageMove.class).returns(OpportunityStore.Opportunity.class).roles(AccountRoutes.WORKERS)
                        .summary("Move to another stage (409 naming the allowed ones); LOST needs a reason; WON records the account's order (422 in another"
                                + " currency than tiers use) and publishes amount, owner and weights"),
                Route.get("/stage-deadlines", request -> Reply.ok(Map.of("items", db.inTransaction(StageDeadlinePolicyStore::all).stream()
                        .map(p -> new StageDeadlinePolicy(p.stage(), p.within(), StoredText.render(messages, p.rule(), request.language()), p.active()))
                        .toList()))).returnsItems(StageDeadlinePolicy.class)
                        .roles(Role.ADMIN, Role.MANAGER, Role.REP).summary("How long an opportunity may wait in each stage for customer feedback"),
                Route.put("/stage-deadlines/{stage}", this::saveDeadline).body(DeadlineInput.class).returns(StageDeadlinePolicy.class).roles(Role.ADMIN, Role.MANAGER)
                        .summary("Set a stage's deadline: within (ISO-8601 duration, e.g. P3D), rule (the reminder's reason), active"));
    }

    private Reply create(ApiRequest request) {
        OpportunityInput in = request.body(OpportunityInput.class);
        Validation v = new Validation();
        v.require(in.accountId() != null, "accountId", Message.of("field.required"));
        v.require(in.name() != null && !in.name().isBlank() && in.name().length() <= 200, "name", Message.of("field.length", 1, 200));
        v.require(in.amount() != null, "amount", Message.of("field.amount.required", "{\"amount\":\"50000.00\",\"currency\":\"CNY\"}"));
        if (in.amount() != null && in.amount().problem() != null) {
            v.require(false, "amount", in.amount().problemText());
        }
        v.require(in.product() == null || in.product().length() <= 100, "product", Message.of("field.max-length", 100));
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        OpportunityStore.Opportunity created = db.inTransaction(c -> {
            AccountStore.find(c, in.accountId(), caller.scope())
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.account.not-found", in.accountId())));
            Owners.Owner owner = Owners.resolve(c, caller, in.ownerId(), "ownerId");
            List<Members.Member> members = Members.orOwnerAlone(in.members(), owner.id());
            List<FieldError> problems = new java.util.ArrayList<>(Members.problems(members, owner.id()));
            for (int i = 0; i < members.size(); i++) {
                Members.Member m = members.get(i);
                if (m != null && m.userId() != null && Owners.find(c, m.userId()).filter(Owners.Owner::active).isEmpty()) {
                    problems.add(new FieldError("members[" + i + "].userId", Message.of("field.user.inactive", m.userId())));
                }
            }
            if (!problems.isEmpty()) {
                throw ApiException.unprocessable("members_invalid", Message.of("error.members-invalid", problems.get(0).text()),
                        Map.of("fields", problems));
            }
            long id = OpportunityStore.insert(c, new OpportunityStore.NewOpportunity(in.accountId(), in.name(), owner, in.amount(), in.product(),
                    in.expectedClose(), members, null), caller.userId(), now);
            StageDeadlines.track(c, deadlines, id, owner.regionId(), Stage.FIRST_CONTACT, now);
            OpportunityStore.Opportunity opportunity = OpportunityStore.find(c, id, caller.scope(), false, clock.instant()).orElseThrow();
            publish(c, opportunity, PipelineTopics.OPPORTUNITY_CREATED, new OpportunityCreated(id, opportunity.accountId(), owner.id(),
                    opportunity.amount().amount(), opportunity.amount().currency(), null));
            db.audit(c, AuditRecord.of(request, "opportunities", id, "create").after(opportunity));
            return opportunity;
        });
        return Reply.created("/api/v1/opportunities/" + created.id(), created);
    }

    private Reply list(ApiRequest request) {
        Validation v = new Validation();
        Optional<Stage> stage = request.queryParam("stage").flatMap(raw -> {
            try {
                return Optional.of(Stage.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                v.require(false, "stage", Message.of("field.one_of", StageNames.codes()));
                return Optional.empty();
            }
        });
        Optional<Long> account = v.longParam(request, "accountId");
        Optional<Long> owner = v.longParam(request, "ownerId");
        Optional<Long> before = v.longParam(request, "before");
        int limit = v.intParam(request, "limit", 50, 1, 200);
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        List<OpportunityStore.Opportunity> page = db.inTransaction(c -> OpportunityStore.page(c, caller.scope(), stage, account, owner, before, limit));
        boolean more = page.size() > limit;
        List<OpportunityStore.Opportunity> items = more ? page.subList(0, limit) : page;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextBefore", more ? String.valueOf(items.get(items.size() - 1).id()) : null);
        return Reply.ok(body);
    }

    private OpportunityStore.Opportunity load(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return db.inTransaction(c -> OpportunityStore.find(c, id, caller.scope(), false, clock.instant()))
                .orElseThrow(() -> ApiException.notFound(Message.of("error.opportunity.not-found", id)));
    }

    private Reply move(ApiRequest request) {
        long id = request.pathId("id");
        StageMove body = request.body(StageMove.class);
        Validation v = new Validation();
        v.require(body.stage() != null, "stage", Message.of("field.required.one-of", StageNames.codes()));
        v.require(body.stage() != Stage.LOST || (body.reason() != null && !body.reason().isBlank()), "reason", Message.of("field.lost-reason"));
        v.require(body.reason() == null || body.reason().length() <= 500, "reason", Message.of("field.max-length", 500));
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        return Reply.ok(db.inTransaction(c -> {
            OpportunityStore.Opportunity before = OpportunityStore.find(c, id, caller.scope(), true, clock.instant())
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.opportunity.not-found", id)));
            if (!before.stage().next().contains(body.stage())) {
                throw ApiException.conflict("illegal_stage_change", before.stage().next().isEmpty()
                        ? Message.of("error.stage-change.closed", id, Message.of("stage." + before.stage().name()), Message.of("stage." + body.stage().name()))
                        : Message.of("error.stage-change", id, Message.of("stage." + before.stage().name()), Message.of("stage." + body.stage().name()),
                                StageNames.of(before.stage().next())),
                        Map.of("stage", before.stage(), "allowed", before.stage().next()));
            }
            Stage to = body.stage();
            String reason = body.reason() == null ? null : body.reason().strip();
            try (PreparedStatement ps = Sql.of("UPDATE pipeline_opportunity SET stage = ?, stage_entered_at = ?, lost_reason = ?, closed_at = ?,"
                    + " updated_at = ?, version = version + 1 WHERE id = ?", to.name(), now, to == Stage.LOST ? reason : null,
                    to.isOpen() ? null : now, now, id).prepare(c)) {
                ps.executeUpdate();
            }
            OpportunityStore.enterStage(c, id, to, now, caller.userId(), reason);
            BoardTotals.add(c, before.ownerId(), before.stage(), before.amount(), -1);
            BoardTotals.add(c, before.ownerId(), to, before.amount(), 1);
            StageDeadlines.track(c, deadlines, id, before.regionId(), to, now);
            long seconds = Duration.between(before.stageEnteredAt(), now).toSeconds();
            publish(c, before, PipelineTopics.STAGE_CHANGED, new StageChanged(id, before.ownerId(), before.stage(), to, seconds, now));
            if (to == Stage.WON) {
                // the won opportunity is the account's order (422 in another currency than tiers use: nothing changes then)
                OrderStore.insert(c, new OrderStore.NewOrder(before.accountId(), id, before.amount(), now, caller.userId(), before.name()),
                        TierThresholdsStore.load(c), now);
                care.recompute(c, before.accountId());
                publish(c, before, PipelineTopics.WON, new OpportunityWon(id, before.accountId(), before.ownerId(), before.amount().amount(),
                        before.amount().currency(), before.product(), before.members(), before.sourceLeadId(), now));
            } else if (to == Stage.LOST) {
                publish(c, before, PipelineTopics.LOST, new OpportunityLost(id, before.ownerId(), before.stage(), reason, now));
            }
            OpportunityStore.Opportunity after = OpportunityStore.find(c, id, caller.scope(), false, clock.instant()).orElseThrow();
            db.audit(c, AuditRecord.of(request, "opportunities", id, "stage").before(before).after(after));
            return after;
        }));
    }

    private Reply saveDeadline(ApiRequest request) {
        Stage stage;
        try {
            stage = Stage.valueOf(request.pathParam("stage").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(Message.of("error.stage.not-found", request.pathParam("stage"), StageNames.codes()));
        }
        DeadlineInput in = request.body(DeadlineInput.class);
        Validation v = new Validation();
        Duration within = null;
        try {
            within = in.within() == null ? null : Duration.parse(in.within().strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            // reported below
        }
        v.require(stage.isOpen(), "stage", Message.of("field.stage.closed-no-deadline"));
        v.require(within != null && !within.isNegative() && !within.isZero() && within.compareTo(Duration.ofDays(366)) <= 0, "within",
                Message.of("field.deadline.duration"));
        v.require(in.rule() != null && !in.rule().isBlank() && in.rule().length() <= 200, "rule", Message.of("field.deadline.rule"));
        v.orThrow();
        StageDeadlinePolicy policy = new StageDeadlinePolicy(stage, in.within().strip().toUpperCase(Locale.ROOT), in.rule().strip(),
                in.active() == null || in.active());
        db.inTransaction(c -> {
            StageDeadlinePolicyStore.save(c, policy, clock.instant());
            db.audit(c, AuditRecord.of(request, "stage-deadlines", stage.name(), "update").after(policy));
            return null;
        });
        return Reply.ok(policy);
    }

    private void publish(java.sql.Connection c, OpportunityStore.Opportunity o, String topic, Object payload) {
        OutgoingEvent event = OutgoingEvent.of(topic, o.id(), payload);
        events.publish(c, o.regionId() == null ? event : event.inRegion(o.regionId()));
    }
}
