package dev.pacesetter.pipeline.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import dev.pacesetter.platform.api.security.Caller;

/**
 * Opportunities as other modules may read them (incentives previews the commission of a deal, analytics links a KPI to
 * its deals). The pipeline bundle registers this service while it runs; reference it optionally so that your module
 * keeps working without the pipeline:
 * <pre>
 * &#64;Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
 * private volatile Opportunities opportunities;
 * </pre>
 * Each call reads in a transaction of its own on the pipeline's connection: never expect it to see what your own open
 * transaction wrote, and never hand it a connection.
 *
 * @since 1.2
 */
@ProviderType
public interface Opportunities {

    /**
     * The opportunity as {@code caller} may see it: within their row scope and only where the pipeline is on for them
     * (administrators: everywhere); otherwise empty, exactly as if it did not exist.
     */
    Optional<OpportunitySummary> find(Caller caller, long opportunityId);
}
