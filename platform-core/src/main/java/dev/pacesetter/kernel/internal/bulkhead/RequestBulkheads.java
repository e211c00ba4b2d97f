package dev.pacesetter.kernel.internal.bulkhead;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.pacesetter.kernel.internal.config.KernelConfig.BulkheadConfig;

/**
 * Each module's {@link RequestBulkhead} on this node. A module whose routes are flooded slows itself; other modules
 * and the platform's routes ({@code /health}, {@code /modules}, sign-in), which pass no bulkhead, keep their threads.
 */
public final class RequestBulkheads {

    private final BulkheadConfig config;
    private final Map<String, RequestBulkhead> byModule = new ConcurrentHashMap<>();
    private final Map<String, RequestBulkhead> heavyByModule = new ConcurrentHashMap<>();

    public RequestBulkheads(BulkheadConfig config) {
        this.config = config;
    }

    /**
     * Takes the slots a request to one of {@code moduleId}'s routes needs: a heavy route's first, then the module's.
     *
     * @return the slots, or empty when the module is at one of its limits (the request is turned away)
     */
    public java.util.Optional<Admission> admit(String moduleId, boolean heavyRoute) {
        RequestBulkhead heavy = heavyRoute ? heavyOf(moduleId) : null;
        if (heavy != null && !heavy.enter()) {
            return java.util.Optional.empty();
        }
        RequestBulkhead all = of(moduleId);
        if (!all.enter()) {
            if (heavy != null) {
                heavy.exit();
            }
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(heavy == null ? new Admission(all) : new Admission(all, heavy));
    }

    /** All requests to {@code moduleId}'s routes. */
    RequestBulkhead of(String moduleId) {
        return byModule.computeIfAbsent(moduleId, id -> new RequestBulkhead(config.requestsPerModule(), config.requestQueue(),
                config.requestWait().toMillis()));
    }

    /** Requests to {@code moduleId}'s heavy routes, which pass this bulkhead before {@link #of(String)}'s. */
    RequestBulkhead heavyOf(String moduleId) {
        return heavyByModule.computeIfAbsent(moduleId, id -> new RequestBulkhead(config.heavyRequestsPerModule(), config.requestQueue(),
                config.requestWait().toMillis()));
    }
}
