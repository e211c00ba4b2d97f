package dev.pacesetter.kernel.internal.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.pacesetter.kernel.internal.config.KernelConfig.DatabaseConfig;
import dev.pacesetter.kernel.internal.net.AllowList;

import dev.pacesetter.platform.api.i18n.Language;

/**
 * Resolves the configuration from, in increasing precedence: built-in defaults,
 * {@code <install>/conf/pacesetter.properties}, {@code <home>/conf/pacesetter.properties}, environment
 * variables, {@code -D} system properties, and command-line flags. A fresh checkout needs none of them.
 */
public final class ConfigLoader {

    public static final String CONF_FILE = "conf/pacesetter.properties";

    private final Map<String, String> environment;
    private final Properties systemProperties;

    public ConfigLoader(Map<String, String> environment, Properties systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    public KernelConfig load(String... args) {
        Map<Setting, Sourced> flags = parseFlags(args);
        Map<Setting, Sourced> resolved = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            if (s.defaultValue() != null) {
                resolved.put(s, new Sourced(s.defaultValue(), "default"));
            }
        }
        // install dir and home decide which files are read, so they are resolved from the outer layers first
        Map<Setting, Sourced> outer = new EnumMap<>(Setting.class);
        outer.putAll(fromEnvironment());
        outer.putAll(fromSystemProperties());
        outer.putAll(flags);
        Path install = path(firstOf(outer, resolved, Setting.INSTALL_DIR), Path.of("."));
        Path home = path(firstOf(outer, resolved, Setting.HOME), install);

        resolved.putAll(fromFile(install.resolve(CONF_FILE)));
        if (!home.normalize().equals(install.normalize())) {
            resolved.putAll(fromFile(home.resolve(CONF_FILE)));
        }
        resolved.putAll(outer);

        Path data = path(resolved.get(Setting.DATA_DIR), home.resolve("data"));
        String url = resolved.get(Setting.JDBC_URL).value().trim();
        DatabaseConfig db = new DatabaseConfig(url.isEmpty() ? Optional.empty() : Optional.of(url),
                resolved.get(Setting.JDBC_USER).value(), resolved.get(Setting.JDBC_PASSWORD).value(),
                intIn(resolved, Setting.JDBC_POOL_SIZE, 1, 500));
        return new KernelConfig(install, home, data,
                watchable(path(resolved.get(Setting.DEPLOY_DIR), home.resolve("deploy"))),
                path(resolved.get(Setting.BUNDLES_DIR), install.resolve("bundles")),
                resolved.get(Setting.HOST).value(),
                intIn(resolved, Setting.PORT, 0, 65535),
                db,
                Duration.ofMillis(intIn(resolved, Setting.DEPLOY_POLL_MS, 10, 600_000)),
                ByteSize.parse(resolved.get(Setting.BODY_LIMIT).value(), Setting.BODY_LIMIT.key() + " (" + resolved.get(Setting.BODY_LIMIT).source() + ")"),
                Duration.ofMillis(intIn(resolved, Setting.DRAIN_TIMEOUT_MS, 0, 600_000)),
                new KernelConfig.Secret(Optional.of(resolved.get(Setting.ADMIN_PASSWORD).value()).filter(p -> !p.isEmpty())),
                commaList(resolved.get(Setting.CORS_ORIGINS)),
                Duration.ofSeconds(intIn(resolved, Setting.SESSION_TTL_SECONDS, 1, 31_536_000)),
                allOrNone(resolved.get(Setting.MODULES_ENABLED_BY_DEFAULT)),
                ByteSize.parse(resolved.get(Setting.BUNDLE_UPLOAD_LIMIT).value(),
                        Setting.BUNDLE_UPLOAD_LIMIT.key() + " (" + resolved.get(Setting.BUNDLE_UPLOAD_LIMIT).source() + ")"),
                Duration.ofMillis(intIn(resolved, Setting.EVENTS_POLL_MS, 5, 60_000)),
                Duration.ofMillis(intIn(resolved, Setting.EVENTS_RETRY_BASE_MS, 10, 3_600_000)),
                new KernelConfig.SchedulerConfig(Duration.ofMillis(intIn(resolved, Setting.SCHEDULER_POLL_MS, 10, 600_000)),
                        intIn(resolved, Setting.SCHEDULER_THREADS, 1, 64),
                        Duration.ofMillis(intIn(resolved, Setting.SCHEDULER_RETRY_BASE_MS, 10, 3_600_000))),
                new KernelConfig.WebhookConfig(allowList(resolved.get(Setting.WEBHOOKS_ALLOW)),
                        Duration.ofMillis(intIn(resolved, Setting.WEBHOOKS_RETRY_BASE_MS, 10, 3_600_000)),
                        intIn(resolved, Setting.WEBHOOKS_MAX_ATTEMPTS, 1, 50)),
                mail(resolved), Language.fromTag(oneOf(resolved.get(Setting.DEFAULT_LANGUAGE), Setting.DEFAULT_LANGUAGE, "zh-cn", "en"))
                        .orElseThrow(),
                new KernelConfig.BulkheadConfig(intIn(resolved, Setting.MODULE_MAX_REQUESTS, 1, 10_000),
                        heavyRequests(intIn(resolved, Setting.MODULE_MAX_HEAVY_REQUESTS, 0, 10_000)),
                        intIn(resolved, Setting.MODULE_REQUEST_QUEUE, 0, 10_000),
                        Duration.ofMillis(intIn(resolved, Setting.MODULE_REQUEST_WAIT_MS, 0, 60_000)),
                        intIn(resolved, Setting.MODULE_MAX_CONNECTIONS, 0, 500)),
                new KernelConfig.TimeConfig(zone(resolved.get(Setting.BUSINESS_ZONE)),
                        Boolean.parseBoolean(oneOf(resolved.get(Setting.CLOCK_ADJUSTABLE), Setting.CLOCK_ADJUSTABLE, "true", "false"))));
    }

    private static java.time.ZoneId zone(Sourced value) {
        try {
            return java.time.ZoneId.of(value.value().trim());
        } catch (java.time.DateTimeException e) {
            throw new ConfigException(Setting.BUSINESS_ZONE.key() + " (" + value.source() + ") must be a time zone id such as Asia/Shanghai,"
                    + " not '" + value.value() + "'");
        }
    }

    /**
     * A heavy request keeps a core busy: with as many at once as cores, a module's exports would leave nothing for
     * the rest (bench/bulkhead.sh measured it), so by default one core stays free for other requests.
     */
    private static int heavyRequests(int configured) {
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Checked here, so that a typo stops the start with exit status 2 rather than half-way through it. */
    private static List<String> allowList(Sourced value) {
        List<String> entries = commaList(value);
        try {
            AllowList.parse(entries);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Setting.WEBHOOKS_ALLOW.key() + " (" + value.source() + "): " + e.getMessage()
                    + "; list host names, IP addresses or CIDRs such as 10.1.0.0/16, separated by commas");
        }
        return entries;
    }

    private static List<String> commaList(Sourced value) {
        return Arrays.stream(value.value().split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static MailConfig mail(Map<Setting, Sourced> resolved) {
        Optional<String> host = Optional.of(resolved.get(Setting.MAIL_SMTP_HOST).value().trim()).filter(h -> !h.isEmpty());
        String from = resolved.get(Setting.MAIL_FROM).value().trim();
        if (host.isPresent() && from.isEmpty()) {
            throw new ConfigException(Setting.MAIL_FROM.key() + " is needed when " + Setting.MAIL_SMTP_HOST.key() + " is set ("
                    + resolved.get(Setting.MAIL_SMTP_HOST).source() + "): the address e-mails are sent from");
        }
        if (!from.isEmpty()) {
            try {
                new jakarta.mail.internet.InternetAddress(from, true);
            } catch (jakarta.mail.internet.AddressException e) {
                throw new ConfigException(Setting.MAIL_FROM.key() + " (" + resolved.get(Setting.MAIL_FROM).source() + ") is not an e-mail address: '"
                        + from + "'");
            }
        }
        String password = resolved.get(Setting.MAIL_SMTP_PASSWORD).value();
        return new MailConfig(host, intIn(resolved, Setting.MAIL_SMTP_PORT, 1, 65535), resolved.get(Setting.MAIL_SMTP_USER).value().trim(),
                new KernelConfig.Secret(Optional.of(password).filter(p -> !p.isEmpty())), startTls(resolved.get(Setting.MAIL_SMTP_STARTTLS)), from,
                Duration.ofMillis(intIn(resolved, Setting.MAIL_TIMEOUT_MS, 100, 600_000)),
                Duration.ofMillis(intIn(resolved, Setting.MAIL_RETRY_BASE_MS, 10, 3_600_000)),
                intIn(resolved, Setting.MAIL_MAX_ATTEMPTS, 1, 100), publicUrl(resolved.get(Setting.PUBLIC_URL)),
                oneOf(resolved.get(Setting.NOTIFICATIONS_DEFAULT_CHANNEL), Setting.NOTIFICATIONS_DEFAULT_CHANNEL, "inbox", "email", "both")
                        .toUpperCase(java.util.Locale.ROOT));
    }

    private static MailConfig.StartTls startTls(Sourced value) {
        return switch (oneOf(value, Setting.MAIL_SMTP_STARTTLS, "required", "true", "false")) {
            case "required" -> MailConfig.StartTls.REQUIRED;
            case "true" -> MailConfig.StartTls.WHEN_OFFERED;
            default -> MailConfig.StartTls.OFF;
        };
    }

    /** Without a trailing slash, so that links are {@code url + path}. */
    private static Optional<String> publicUrl(Sourced value) {
        String url = value.value().trim();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new ConfigException(Setting.PUBLIC_URL.key() + " (" + value.source() + ") must be an http(s) address such as"
                    + " https://pacesetter.example.com, not '" + url + "'");
        }
        return Optional.of(url.replaceAll("/+$", ""));
    }

    private static String oneOf(Sourced value, Setting setting, String... allowed) {
        String v = value.value().trim().toLowerCase(java.util.Locale.ROOT);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new ConfigException(setting.key() + " (" + value.source() + ") must be one of " + String.join(", ", allowed) + ", not '"
                    + value.value() + "'");
        }
        return v;
    }

    /** File Install reads its folder setting as a comma-separated list: a comma in the path would split it. */
    private static Path watchable(Path deployDir) {
        if (deployDir.toAbsolutePath().toString().contains(",")) {
            throw new ConfigException("The deploy folder " + deployDir.toAbsolutePath() + " has a comma in its path, which the hot-deploy"
                    + " scanner cannot watch; choose a pacesetter.home or pacesetter.deploy.dir without one.");
        }
        return deployDir;
    }

    private static boolean allOrNone(Sourced value) {
        return switch (value.value().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> true;
            case "none" -> false;
            default -> throw new ConfigException(Setting.MODULES_ENABLED_BY_DEFAULT.key() + " (" + value.source() + ") must be 'none' or 'all', not '"
                    + value.value() + "'");
        };
    }

    /** Text for {@code --help}. */
    public static String usage() {
        return Arrays.stream(Setting.values())
                .map(s -> String.format("  %-22s %-28s %s%s", s.flag(), s.environmentVariable(), s.description(),
                        s.defaultValue() == null || s.defaultValue().isEmpty() ? "" : " [" + s.defaultValue() + "]"))
                .collect(Collectors.joining("\n", "Usage: pacesetter [flags]\n  flag                   environment variable\n", "\n"));
    }

    private Map<Setting, Sourced> parseFlags(String[] args) {
        Map<Setting, Sourced> flags = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            Setting setting = Setting.byFlag(name).orElseThrow(() -> new ConfigException(
                    "Unknown option '" + name + "'. Run with --help to list the options."));
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigException("Option " + name + " needs a value, e.g. " + name + "=...");
            }
            flags.put(setting, new Sourced(value, "command line " + name));
        }
        return flags;
    }

    private Map<Setting, Sourced> fromEnvironment() {
        return lookUp(s -> environment.get(s.environmentVariable()), s -> "environment " + s.environmentVariable());
    }

    private Map<Setting, Sourced> fromSystemProperties() {
        return lookUp(s -> systemProperties.getProperty(s.key()), s -> "system property " + s.key());
    }

    private static Map<Setting, Sourced> lookUp(Function<Setting, String> value, Function<Setting, String> source) {
        Map<Setting, Sourced> found = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = value.apply(s);
            if (v != null) {
                found.put(s, new Sourced(v, source.apply(s)));
            }
        }
        return found;
    }

    private static Map<Setting, Sourced> fromFile(Path file) {
        Map<Setting, Sourced> found = new EnumMap<>(Setting.class);
        if (!Files.isRegularFile(file)) {
            return found;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
        }
        for (String key : props.stringPropertyNames()) {
            Setting s = Setting.byKey(key).orElseThrow(() -> new ConfigException(
                    "Unknown key '" + key + "' in " + file + ". Known keys: "
                            + Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", "))));
            found.put(s, new Sourced(props.getProperty(key).trim(), file.toString()));
        }
        return found;
    }

    private static Sourced firstOf(Map<Setting, Sourced> outer, Map<Setting, Sourced> defaults, Setting s) {
        return outer.containsKey(s) ? outer.get(s) : defaults.get(s);
    }

    private static Path path(Sourced value, Path fallback) {
        return value == null || value.value().isBlank() ? fallback : Path.of(value.value());
    }

    private static int intIn(Map<Setting, Sourced> resolved, Setting s, int min, int max) {
        Sourced v = resolved.get(s);
        int n;
        try {
            n = Integer.parseInt(v.value().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key() + ": '" + v.value() + "' is not a whole number (from " + v.source() + ")");
        }
        if (n < min || n > max) {
            throw new ConfigException(s.key() + ": " + n + " is outside " + min + ".." + max + " (from " + v.source() + ")");
        }
        return n;
    }

    private record Sourced(String value, String source) {
    }
}
