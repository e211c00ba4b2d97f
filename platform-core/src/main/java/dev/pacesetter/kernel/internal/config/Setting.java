package dev.pacesetter.kernel.internal.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key the kernel understands. Each key has three spellings derived by one rule:
 * {@code pacesetter.jdbc.url} in a properties file or {@code -D}, {@code PACESETTER_JDBC_URL} in the
 * environment, {@code --jdbc-url} on the command line.
 */
public enum Setting {
    HOME("pacesetter.home", null, "where conf/, data/ and deploy/ live (default: the installation folder)"),
    INSTALL_DIR("pacesetter.install.dir", ".", "the installation folder holding lib/ and bundles/"),
    PORT("pacesetter.port", "7070", "HTTP port of the gateway (0 = any free port)"),
    HOST("pacesetter.host", "0.0.0.0", "interface the gateway binds to"),
    DATA_DIR("pacesetter.data.dir", null, "data folder (default: <home>/data)"),
    DEPLOY_DIR("pacesetter.deploy.dir", null, "hot-deploy folder (default: <home>/deploy)"),
    BUNDLES_DIR("pacesetter.bundles.dir", null, "bundles started at boot (default: <install>/bundles)"),
    JDBC_URL("pacesetter.jdbc.url", "", "JDBC URL; empty = embedded H2 under the data folder"),
    JDBC_USER("pacesetter.jdbc.user", "", "database user"),
    JDBC_PASSWORD("pacesetter.jdbc.password", "", "database password"),
    JDBC_POOL_SIZE("pacesetter.jdbc.pool.size", "10", "maximum pooled connections"),
    MODULE_MAX_CONNECTIONS("pacesetter.module.max.connections", "0",
            "connections one module may hold at once; 0 = three quarters of what modules may hold together (the pool less a fifth kept for the platform)"),
    MODULE_MAX_REQUESTS("pacesetter.module.max.requests", "16", "requests one module's routes serve at once on this node"),
    MODULE_MAX_HEAVY_REQUESTS("pacesetter.module.max.heavy.requests", "0",
            "heavy requests (exports, long reports) one module serves at once on this node; 0 = one fewer than the node's cores, at least 1"),
    MODULE_REQUEST_QUEUE("pacesetter.module.request.queue", "16",
            "requests beyond that which wait for a slot; more are answered 503 module_busy at once"),
    MODULE_REQUEST_WAIT_MS("pacesetter.module.request.wait.ms", "1000",
            "how long a waiting request waits for a slot before it is answered 503 module_busy, in milliseconds"),
    DEPLOY_POLL_MS("pacesetter.deploy.poll.ms", "100", "how often deploy/ is scanned, in milliseconds (a listing of one folder)"),
    BODY_LIMIT("pacesetter.body.limit", "1MiB", "largest accepted request body (bytes, or KiB/MiB)"),
    CORS_ORIGINS("pacesetter.cors.origins", "", "comma-separated origins browsers may call the API from (empty: none)"),
    ADMIN_PASSWORD("pacesetter.admin.password", "", "password of the first administrator, used only when no user exists yet"),
    SESSION_TTL_SECONDS("pacesetter.session.ttl.seconds", "43200", "how long a sign-in token stays valid, in seconds (12 hours)"),
    MODULES_ENABLED_BY_DEFAULT("pacesetter.modules.enabled.by.default", "none",
            "regions a newly installed module is switched on for: none (an administrator enables it) or all"),
    BUNDLE_UPLOAD_LIMIT("pacesetter.bundle.upload.limit", "50MiB", "largest plugin jar accepted by POST /api/v1/bundles"),
    EVENTS_POLL_MS("pacesetter.events.poll.ms", "2000", "how often event delivery looks for new events when no commit woke it (a safety net), in milliseconds"),
    EVENTS_RETRY_BASE_MS("pacesetter.events.retry.base.ms", "1000",
            "first wait before a failed event delivery is retried; it doubles with every attempt"),
    SCHEDULER_POLL_MS("pacesetter.scheduler.poll.ms", "1000", "how often the scheduler looks for due deadlines and jobs, in milliseconds (bounds a deadline's lateness)"),
    SCHEDULER_THREADS("pacesetter.scheduler.threads", "4", "deadlines and jobs run at the same time on this node"),
    SCHEDULER_RETRY_BASE_MS("pacesetter.scheduler.retry.base.ms", "1000",
            "first wait before a failed deadline is retried; it doubles with every attempt"),
    WEBHOOKS_ALLOW("pacesetter.webhooks.allow", "",
            "comma-separated hosts and CIDRs webhooks may target although they are loopback, link-local or private (empty: none)"),
    WEBHOOKS_RETRY_BASE_MS("pacesetter.webhooks.retry.base.ms", "1000",
            "first wait before a failed webhook delivery is retried; it doubles with every attempt (plus or minus 20%)"),
    WEBHOOKS_MAX_ATTEMPTS("pacesetter.webhooks.max.attempts", "8", "attempts before a webhook delivery is parked"),
    PUBLIC_URL("pacesetter.public.url", "", "the address users reach Pacesetter at, for links in e-mails (e.g. https://pacesetter.example.com)"),
    NOTIFICATIONS_DEFAULT_CHANNEL("pacesetter.notifications.default.channel", "inbox",
            "how users are told of a notification kind they chose nothing for: inbox, email or both"),
    DEFAULT_LANGUAGE("pacesetter.default.language", "zh-CN",
            "language of users who chose none, and of anonymous callers without Accept-Language: zh-CN or en"),
    MAIL_SMTP_HOST("pacesetter.mail.smtp.host", "", "SMTP server for e-mail notifications; empty = e-mail off (mails wait in the outbox)"),
    MAIL_SMTP_PORT("pacesetter.mail.smtp.port", "587", "SMTP port"),
    MAIL_SMTP_USER("pacesetter.mail.smtp.user", "", "SMTP user name; empty = no authentication"),
    MAIL_SMTP_PASSWORD("pacesetter.mail.smtp.password", "", "SMTP password (never logged)"),
    MAIL_SMTP_STARTTLS("pacesetter.mail.smtp.starttls", "required",
            "required (refuse a server without STARTTLS), true (use it when offered) or false"),
    MAIL_FROM("pacesetter.mail.from", "", "sender of e-mail notifications, e.g. Pacesetter <pacesetter@example.com>; needed with an SMTP host"),
    MAIL_TIMEOUT_MS("pacesetter.mail.timeout.ms", "10000", "SMTP connect, read and write timeout, in milliseconds"),
    MAIL_RETRY_BASE_MS("pacesetter.mail.retry.base.ms", "30000", "first wait before a failed e-mail is retried; it doubles with every attempt"),
    MAIL_MAX_ATTEMPTS("pacesetter.mail.max.attempts", "8", "attempts before an e-mail is parked"),
    DRAIN_TIMEOUT_MS("pacesetter.drain.timeout.ms", "10000", "how long shutdown waits for in-flight requests"),
    BUSINESS_ZONE("pacesetter.business.zone", "Asia/Shanghai",
            "time zone where the organisation's days, weeks and months begin (an IANA zone id such as Asia/Shanghai)"),
    CLOCK_ADJUSTABLE("pacesetter.clock.adjustable", "false",
            "true lets administrators move the clock forward (POST /api/v1/clock/advance): test, demo and training installations only");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The built-in default, or {@code null} where the default derives from another setting. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public String environmentVariable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String flag() {
        return "--" + key.substring("pacesetter.".length()).replace('.', '-');
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static Optional<Setting> byFlag(String flag) {
        return Arrays.stream(values()).filter(s -> s.flag().equals(flag)).findFirst();
    }
}
