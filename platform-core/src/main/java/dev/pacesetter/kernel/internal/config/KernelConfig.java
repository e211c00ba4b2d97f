package dev.pacesetter.kernel.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.platform.api.i18n.Language;

/**
 * The kernel's resolved configuration. Built by {@link ConfigLoader}; immutable.
 *
 * @param installDir folder holding lib/ and bundles/
 * @param home folder holding conf/, data/ and deploy/
 * @param dataDir database files, OSGi cache, temp files
 * @param deployDir hot-deploy folder watched by File Install
 * @param bundlesDir bundles installed and started at boot
 * @param host bind address
 * @param port HTTP port (0 picks a free one)
 * @param database how to reach the database
 * @param deployPoll scan interval of deploy/
 * @param bodyLimitBytes largest accepted request body
 * @param drainTimeout bound on waiting for in-flight requests at shutdown
 * @param adminPassword password for the first administrator, used only on a database without users
 * @param corsOrigins origins browsers may call the API from
 * @param sessionTtl lifetime of a sign-in token
 * @param modulesOnEverywhereByDefault whether a newly installed module starts switched on for all regions
 * @param bundleUploadLimit largest plugin jar accepted over REST
 * @param eventsPoll how often idle event delivery looks for new events
 * @param eventsRetryBase first back-off of a failed event delivery
 * @param scheduler how deadlines and jobs are polled and retried
 * @param webhooks outgoing webhook delivery
 * @param mail e-mail notifications: SMTP, retries, links, and the channel users get until they choose one
 * @param defaultLanguage language of users who chose none
 * @param bulkheads what one module may take of this node's request threads and connections
 */
public record KernelConfig(Path installDir, Path home, Path dataDir, Path deployDir, Path bundlesDir, String host, int port,
        DatabaseConfig database, Duration deployPoll, long bodyLimitBytes, Duration drainTimeout, Secret adminPassword,
        List<String> corsOrigins, Duration sessionTtl, boolean modulesOnEverywhereByDefault, long bundleUploadLimit,
        Duration eventsPoll, Duration eventsRetryBase, SchedulerConfig scheduler, WebhookConfig webhooks,
        MailConfig mail, Language defaultLanguage, BulkheadConfig bulkheads, TimeConfig time) {

    /**
     * @param businessZone where the organisation's days begin
     * @param clockAdjustable whether administrators may move the clock forward (tests, demos, training)
     */
    public record TimeConfig(java.time.ZoneId businessZone, boolean clockAdjustable) {
    }

    /**
     * @param requestsPerModule requests one module's routes serve at once
     * @param heavyRequestsPerModule of those, requests to routes marked heavy
     * @param requestQueue requests beyond that which may wait for a slot
     * @param requestWait how long such a request waits
     * @param connectionsPerModule connections one module may hold at once; 0 for the default share
     */
    public record BulkheadConfig(int requestsPerModule, int heavyRequestsPerModule, int requestQueue, Duration requestWait,
            int connectionsPerModule) {
    }

    /**
     * @param poll how often due work is looked for (the bound on a deadline's lateness when idle)
     * @param threads executions at the same time on one node
     * @param retryBase first back-off of a failed deadline
     */
    public record SchedulerConfig(Duration poll, int threads, Duration retryBase) {
    }

    /**
     * @param allow hosts and CIDRs (as written) that webhooks may target despite the private-address rule
     * @param retryBase first back-off of a failed delivery; it doubles with every attempt
     * @param maxAttempts attempts before a delivery is parked
     */
    public record WebhookConfig(List<String> allow, Duration retryBase, int maxAttempts) {
    }

    /** A value that must never appear in logs or in {@code toString()}. */
    public record Secret(Optional<String> value) {
        @Override
        public String toString() {
            return value.isPresent() ? "****" : "<none>";
        }
    }

    /**
     * @param jdbcUrl explicit URL, or empty for the embedded H2 file database
     * @param user database user (may be empty)
     * @param password database password (may be empty; never logged)
     * @param poolSize maximum pooled connections
     */
    public record DatabaseConfig(Optional<String> jdbcUrl, String user, String password, int poolSize) {

        @Override
        public String toString() {
            return "DatabaseConfig[jdbcUrl=" + jdbcUrl.orElse("<embedded H2>") + ", user=" + user + ", poolSize=" + poolSize + "]";
        }
    }

    /** A copy listening on another port (tests and benchmarks use port 0). */
    public KernelConfig withPort(int newPort) {
        return new KernelConfig(installDir, home, dataDir, deployDir, bundlesDir, host, newPort, database, deployPoll,
                bodyLimitBytes, drainTimeout, adminPassword, corsOrigins, sessionTtl, modulesOnEverywhereByDefault, bundleUploadLimit, eventsPoll, eventsRetryBase,
                scheduler, webhooks, mail, defaultLanguage, bulkheads, time);
    }
}
