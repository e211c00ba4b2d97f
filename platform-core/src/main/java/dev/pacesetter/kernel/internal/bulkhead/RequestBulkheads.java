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

    public RequestBulkheads(BulkheadConfig config) {
        this.config = config;
    }

    public RequestBulkhead of(String moduleId) {
        return byModule.computeIfAbsent(moduleId, id -> new RequestBulkhead(config.requestsPerModule(), config.requestQueue(),
                config.requestWait().toMillis()));
    }
}
