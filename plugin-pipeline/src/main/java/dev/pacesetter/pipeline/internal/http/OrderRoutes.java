package dev.pacesetter.pipeline.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.internal.customers.CustomerCare;
import dev.pacesetter.pipeline.internal.store.AccountStore;
import dev.pacesetter.pipeline.internal.store.OpportunityStore;
import dev.pacesetter.pipeline.internal.store.OrderStore;
import dev.pacesetter.pipeline.internal.store.TierThresholdsStore;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * An account's orders ({@code /api/v1/accounts/{id}/orders}): repeat purchases recorded by hand; won
 * opportunities record theirs themselves. Each new order recomputes the account's tier and health at once.
 */
@Component(service = RouteProvider.class)
public final class OrderRoutes implements RouteProvider {

    /**
     * Body of POST: the amount, when (default now; not in the future) and optionally the won opportunity it is
     * the order of (for opportunities won before orders were recorded), and a note.
     */
    public record OrderInput(Money amount, Instant orderedAt, Long opportunityId, String note) {
    }

    /** The earliest order date accepted: older history is not what tiers are about. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final ModuleDatabase db;
    private final CustomerCare care;
    private final Clock clock;

    @Activate
    public OrderRoutes(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference Notifier notifier, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
        this.care = new CustomerCare(db, events, notifier, clock);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/accounts/{id}/orders", this::record).body(OrderInput.class).returns(OrderStore.Order.class).roles(AccountRoutes.WORKERS)
                        .summary("Record an order (repeat purchase): amount in the tiering currency, orderedAt (default now), opportunityId?, note;"
                                + " recomputes tier and health"),
                Route.get("/accounts/{id}/orders", this::list).returnsItems(OrderStore.Order.class).query("limit", Integer.class, "Page size").roles(AccountRoutes.READERS)
                        .summary("An account's orders, newest first; limit (1-500, default 100)"));
    }

    private Reply record(ApiRequest request) {
        long id = request.pathId("id");
        OrderInput in = request.body(OrderInput.class);
        Instant now = clock.instant();
        Instant at = in.orderedAt() == null ? now : in.orderedAt();
        Validation v = new Validation();
        v.require(in.amount() != null, "amount", Message.of("field.amount.required", "{\"amount\":\"12000.00\",\"currency\":\"CNY\"}"));
        if (in.amount() != null && in.amount().problem() != null) {
            v.require(false, "amount", in.amount().problemText());
        }
        v.require(in.amount() == null || in.amount().amount() == null || in.amount().amount().signum() != 0, "amount", Message.of("field.amount.positive"));
        v.require(!at.isAfter(now.plus(Duration.ofMinutes(5))), "orderedAt", Message.of("field.not-future"));
        v.require(!at.isBefore(EARLIEST), "orderedAt", Message.of("field.ordered-at"));
        v.require(in.note() == null || in.note().length() <= 500, "note", Message.of("field.max-length", 500));
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        OrderStore.Order created = db.inTransaction(c -> {
            AccountStore.find(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.account.not-found", id)));
            if (in.opportunityId() != null) {
                OpportunityStore.Opportunity o = OpportunityStore.find(c, in.opportunityId(), caller.scope(), true, clock.instant())
                        .orElseThrow(() -> ApiException.notFound(Message.of("error.opportunity.not-found", in.opportunityId())));
                if (o.accountId() != id) {
                    throw ApiException.unprocessable("opportunity_of_another_account", Message.of("error.opportunity-of-another-account", o.id(), o.accountId(), id), Map.of("accountId", o.accountId()));
                }
                if (o.stage() != Stage.WON) {
                    throw ApiException.conflict("opportunity_not_won", Message.of("error.opportunity-not-won", o.id(), Message.of("stage." + o.stage().name())), Map.of("stage", o.stage()));
                }
            }
            long orderId = OrderStore.insert(c, new OrderStore.NewOrder(id, in.opportunityId(), in.amount(), at, caller.userId(), in.note()),
                    TierThresholdsStore.load(c), now);
            OrderStore.Order order = OrderStore.find(c, orderId);
            db.audit(c, AuditRecord.of(request, "orders", orderId, "create").after(order));
            care.recompute(c, id);
            return order;
        });
        return Reply.created("/api/v1/accounts/" + id + "/orders", created);
    }

    private Reply list(ApiRequest request) {
        long id = request.pathId("id");
        Validation v = new Validation();
        int limit = v.intParam(request, "limit", 100, 1, 500);
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(db.inTransaction(c -> {
            AccountStore.find(c, id, caller.scope()).orElseThrow(() -> ApiException.notFound(Message.of("error.account.not-found", id)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", OrderStore.list(c, id, limit));
            return body;
        }));
    }
}
