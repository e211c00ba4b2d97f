package dev.pacesetter.pipeline.internal.http;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.api.Tier;
import dev.pacesetter.pipeline.internal.customers.CustomerCare;
import dev.pacesetter.pipeline.internal.customers.CustomerJob;
import dev.pacesetter.pipeline.internal.domain.HealthScoring;
import dev.pacesetter.pipeline.internal.domain.HealthSettings;
import dev.pacesetter.pipeline.internal.domain.TierPlaybook;
import dev.pacesetter.pipeline.internal.domain.TierReasons;
import dev.pacesetter.pipeline.internal.domain.TierThresholds;
import dev.pacesetter.pipeline.internal.domain.Tiering;
import dev.pacesetter.pipeline.internal.store.AccountStore;
import dev.pacesetter.pipeline.internal.store.Jdbc;
import dev.pacesetter.pipeline.internal.store.OrderStore;
import dev.pacesetter.pipeline.internal.store.HealthSettingsStore;
import dev.pacesetter.pipeline.internal.store.TierPlaybookStore;
import dev.pacesetter.pipeline.internal.store.TierThresholdsStore;
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
import dev.pacesetter.platform.api.pilot.ModuleEnablement;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Customer tiers and health: an account's tier with its figures and history ({@code /accounts/{id}/tier}),
 * its health with each factor's contribution ({@code /accounts/{id}/health}), the rules
 * ({@code /tier-thresholds}, {@code /tier-playbooks}, {@code /health-settings}) and recomputing now
 * ({@code /customers/recompute}, what the nightly job does).
 */
@Component(service = RouteProvider.class)
public final class CustomerRoutes implements RouteProvider {

    /** Body of {@code PUT /tier-playbooks/{tier}}: {@code every} as an ISO-8601 period such as P3M. */
    public record PlaybookInput(String action, String every, Boolean active) {
    }

    private final ModuleDatabase db;
    private final ModuleEnablement enablement;
    private final CustomerCare care;
    private final Clock clock;
    private final Messages messages;

    @Activate
    public CustomerRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference Notifier notifier, @Reference ModuleEnablement enablement, @Reference Messages messages, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.messages = messages;
        this.enablement = enablement;
        this.care = new CustomerCare(db, events, notifier, clock);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/accounts/{id}/tier", this::tier).roles(AccountRoutes.READERS)
                        .summary("An account's tier, what its orders make it now (spend, orders per quarter, repurchase cycle) and its tier history"),
                Route.get("/accounts/{id}/health", this::health).roles(AccountRoutes.READERS)
                        .summary("An account's health score (0-100) with each factor's contribution, the threshold and the alert state"),
                Route.get("/tier-thresholds", request -> Reply.ok(db.inTransaction(TierThresholdsStore::load))).returns(TierThresholds.class).roles(AccountRoutes.READERS)
                        .summary("How spend, repurchase cycle and demand frequency make core, growth, potential and dormant customers"),
                Route.put("/tier-thresholds", this::saveThresholds).body(TierThresholds.class).returns(TierThresholds.class).requires(PipelinePermissions.CONFIGURE_CUSTOMERS)
                        .summary("Change the tier thresholds (all fields); applies at the next recomputation"),
                Route.get("/tier-playbooks", request -> Reply.ok(Map.of("items", db.inTransaction(c -> TierPlaybookStore.all(c).stream()
                        .map(p -> p.view(messages, request.language())).toList())))).returnsItems(TierPlaybook.PlaybookView.class).roles(AccountRoutes.READERS)
                        .summary("Each tier's playbook: the action the owner is given and how often"),
                Route.put("/tier-playbooks/{tier}", this::savePlaybook).body(PlaybookInput.class).returns(TierPlaybook.PlaybookView.class).requires(PipelinePermissions.CONFIGURE_CUSTOMERS)
                        .summary("Set a tier's playbook: action, every (ISO-8601 period, e.g. P3M), active"),
                Route.get("/health-settings", request -> Reply.ok(db.inTransaction(HealthSettingsStore::load))).returns(HealthSettings.class).roles(AccountRoutes.READERS)
                        .summary("How the health score is made (factor weights and spans) and its alert threshold"),
                Route.put("/health-settings", this::saveHealthSettings).body(HealthSettings.class).returns(HealthSettings.class).requires(PipelinePermissions.CONFIGURE_CUSTOMERS)
                        .summary("Change the health settings (all fields; weights add up to 100)"),
                Route.post("/customers/recompute", this::recompute).withoutBody().returns(CustomerJob.Totals.class).requires(PipelinePermissions.RECOMPUTE_CUSTOMERS)
                        .summary("Recompute every account's tier and health now, as the nightly job does (regions where the module is on)"));
    }

    private Reply tier(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(db.inTransaction(c -> {
            AccountStore.Account account = AccountStore.find(c, id, caller.scope())
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.account.not-found", id)));
            Tiering.Assessment now = care.tier(c, id);
            List<Map<String, Object>> history = new ArrayList<>();
            try (PreparedStatement ps = Sql.of("SELECT from_tier, to_tier, reason, changed_at FROM pipeline_tier_change WHERE account_id = ?"
                    + " ORDER BY id DESC", id).prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("from", rs.getString(1));
                    change.put("to", rs.getString(2));
                    change.put("reason", TierReasons.render(messages, rs.getString(3), request.language()));
                    change.put("at", Jdbc.instant(rs, "changed_at"));
                    history.add(change);
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accountId", id);
            body.put("tier", account.tier());
            body.put("tierChangedAt", account.tierChangedAt());
            body.put("byOrdersNow", Map.of("tier", now.tier(), "reason", TierReasons.render(messages, now.reason(), request.language()), "metrics",
                    now.metrics()));
            body.put("history", history);
            return body;
        }));
    }

    private Reply health(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(db.inTransaction(c -> {
            AccountStore.find(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.account.not-found", id)));
            CustomerCare.Customer customer = CustomerCare.find(c, id, false).orElseThrow();
            HealthScoring.Health health = care.health(c, customer);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accountId", id);
            body.put("score", health.score());
            body.put("threshold", health.threshold());
            body.put("below", health.below());
            body.put("factors", health.factors().stream().map(f -> {
                Map<String, Object> factor = new LinkedHashMap<>();
                factor.put("factor", f.factor());
                factor.put("points", f.points());
                factor.put("max", f.max());
                factor.put("detail", messages.render(f.detail(), request.language()));
                return factor;
            }).toList());
            body.put("retentionAction", health.below() ? HealthScoring.retentionAction(health) : null);
            Map<String, Object> alert = new LinkedHashMap<>();
            try (PreparedStatement ps = Sql.of("SELECT score, below, computed_at, dropped_at, retention_task_id FROM pipeline_account_health"
                    + " WHERE account_id = ?", id).prepare(c); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    alert.put("score", rs.getInt(1));
                    alert.put("below", rs.getBoolean(2));
                    alert.put("computedAt", Jdbc.instant(rs, "computed_at"));
                    alert.put("droppedAt", Jdbc.instant(rs, "dropped_at"));
                    alert.put("retentionTaskId", rs.getObject(5, Long.class));
                }
            }
            body.put("lastComputed", alert.isEmpty() ? null : alert);
            return body;
        }));
    }

    private Reply saveThresholds(ApiRequest request) {
        TierThresholds in = request.body(TierThresholds.class);
        Validation v = new Validation();
        in.validate(v);
        v.orThrow();
        Instant now = clock.instant();
        return Reply.ok(db.inTransaction(c -> {
            TierThresholds before = TierThresholdsStore.load(c);
            if (!before.currency().equals(in.currency()) && OrderStore.anyNotIn(c, in.currency())) {
                throw ApiException.conflict("orders_in_other_currency", Message.of("error.orders-in-other-currency", before.currency(), in.currency()), Map.of("currency", before.currency()));
            }
            TierThresholdsStore.save(c, in, now);
            TierThresholds after = TierThresholdsStore.load(c);
            db.audit(c, AuditRecord.of(request, "tier-thresholds", 1, "update").before(before).after(after));
            return after;
        }));
    }

    private Reply savePlaybook(ApiRequest request) {
        Tier tier;
        try {
            tier = Tier.valueOf(request.pathParam("tier").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(Message.of("error.tier.not-found", request.pathParam("tier"), String.join(", ", java.util.Arrays.stream(Tier.values()).map(Enum::name).toList())));
        }
        PlaybookInput in = request.body(PlaybookInput.class);
        Period every = in.every() == null ? null : TierPlaybook.parse(in.every());
        Validation v = new Validation();
        v.require(in.action() != null && !in.action().isBlank() && in.action().length() <= 100, "action", Message.of("field.length", 1, 100));
        v.require(every != null, "every", Message.of("field.playbook-every"));
        v.orThrow();
        TierPlaybook playbook = new TierPlaybook(tier, in.action().strip(), every, in.active() == null || in.active());
        return Reply.ok(db.inTransaction(c -> {
            TierPlaybook.PlaybookView before = TierPlaybookStore.all(c).stream().filter(p -> p.tier() == tier).map(TierPlaybook::view).findFirst().orElse(null);
            TierPlaybookStore.save(c, playbook, clock.instant());
            db.audit(c, AuditRecord.of(request, "tier-playbooks", tier.name(), "update").before(before).after(playbook.view()));
            return playbook.view();
        }));
    }

    private Reply saveHealthSettings(ApiRequest request) {
        HealthSettings in = request.body(HealthSettings.class);
        Validation v = new Validation();
        in.validate(v);
        v.orThrow();
        return Reply.ok(db.inTransaction(c -> {
            HealthSettings before = HealthSettingsStore.load(c);
            HealthSettingsStore.save(c, in, clock.instant());
            HealthSettings after = HealthSettingsStore.load(c);
            db.audit(c, AuditRecord.of(request, "health-settings", 1, "update").before(before).after(after));
            return after;
        }));
    }

    private Reply recompute(ApiRequest request) {
        return Reply.ok(CustomerJob.recomputeAll(db, care, enablement.enabledRegions()));
    }
}
