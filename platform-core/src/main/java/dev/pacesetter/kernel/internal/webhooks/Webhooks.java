package dev.pacesetter.kernel.internal.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.pacesetter.kernel.internal.net.AllowList;
import dev.pacesetter.kernel.internal.config.KernelConfig;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.events.EventSubscriber;
import dev.pacesetter.platform.api.http.RouteProvider;

/**
 * Outgoing webhooks, assembled: the event subscriber that creates deliveries, the dispatcher that sends
 * them from this node, and the administrators' routes. The kernel registers {@link #subscriber()} and
 * {@link #routes()} as services, calls {@link #open()} once the platform runs and closes it on stop.
 */
public final class Webhooks implements AutoCloseable {

    private final WebhookFanout fanout;
    private final WebhookRoutes routes;
    private final DeliveryDispatcher dispatcher;

    /**
     * @param node this process's node id, which claims deliveries
     * @param poll the safety net: how often the dispatcher looks for due deliveries when nothing woke it
     * @param version the kernel version, for the User-Agent header
     */
    public Webhooks(ModuleDatabase db, JsonCodec json, Clock clock, KernelConfig.WebhookConfig config, String node, Duration poll, String version) {
        TargetGuard guard = new TargetGuard(AllowList.parse(config.allow()), HostResolver.SYSTEM);
        RetryPolicy retry = new RetryPolicy(config.retryBase(), config.maxAttempts(), () -> ThreadLocalRandom.current().nextDouble());
        ActiveWebhooks active = new ActiveWebhooks(db);
        this.dispatcher = new DeliveryDispatcher(db, new WebhookSender(guard, clock, "Pacesetter-Webhooks/" + version), retry, clock, node, poll);
        this.fanout = new WebhookFanout(db, active, json, clock, dispatcher::wake);
        this.routes = new WebhookRoutes(db, active, guard, clock, dispatcher::wake);
    }

    public EventSubscriber subscriber() {
        return fanout;
    }

    public RouteProvider routes() {
        return routes;
    }

    public void open() {
        dispatcher.start();
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
