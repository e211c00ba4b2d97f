package dev.pacesetter.kernel.internal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The message files of one bundle (or of the kernel): {@code messages.properties} in Simplified Chinese and
 * {@code messages_<tag>.properties} per other language, UTF-8, {@link MessageFormat} patterns. A key missing
 * in a language falls back to Simplified Chinese, then to the key; each miss is logged once. Thread-safe.
 */
public final class MessageCatalog {

    /** Opens a file of the catalogue by name ({@code messages_en.properties}); {@code null} when there is none. */
    @FunctionalInterface
    public interface Files {
        InputStream open(String name) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(MessageCatalog.class);
    private static final int MAX_NESTING = 4;

    private final String source;
    private final Map<Language, Map<String, String>> patterns;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private MessageCatalog(String source, Map<Language, Map<String, String>> patterns) {
        this.source = source;
        this.patterns = patterns;
    }

    /**
     * Reads every language's file; an unreadable file is logged and counts as absent, so that one broken
     * translation never stops a module.
     *
     * @param source who ships the files, for log lines (e.g. {@code bundle dev.pacesetter.leads})
     */
    public static MessageCatalog load(String source, Files files) {
        Map<Language, Map<String, String>> patterns = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = fileName(language);
            try (InputStream in = files.open(name)) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    Map<String, String> map = new HashMap<>();
                    properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
                    patterns.put(language, Map.copyOf(map));
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Cannot read the message file {} of {}: {}", name, source, e.getMessage());
            }
        }
        return new MessageCatalog(source, patterns);
    }

    /** {@code messages.properties} for the default language, {@code messages_en.properties} for English. */
    static String fileName(Language language) {
        return language == Language.ZH_CN ? "messages.properties" : "messages_" + language.tag().replace('-', '_') + ".properties";
    }

    /**
     * Every key starting with {@code prefix}, as its pattern in {@code language} (the Simplified Chinese one where that
     * language lacks it): for clients that format texts themselves, such as the web console.
     */
    public Map<String, String> patterns(String prefix, Language language) {
        Map<String, String> found = new java.util.TreeMap<>();
        patterns.getOrDefault(Language.ZH_CN, Map.of()).forEach((key, pattern) -> {
            if (key.startsWith(prefix)) {
                found.put(key, pattern);
            }
        });
        patterns.getOrDefault(language, Map.of()).forEach((key, pattern) -> {
            if (key.startsWith(prefix)) {
                found.put(key, pattern);
            }
        });
        return found;
    }

    /** Whether any language of this catalogue has {@code key}. */
    public boolean has(String key) {
        return patterns.values().stream().anyMatch(map -> map.containsKey(key));
    }

    /** The text in {@code language}, falling back to Simplified Chinese, then to the key itself (logged once). */
    public String render(Message message, Language language) {
        return render(message, language, 0);
    }

    /** The text if this catalogue has the key in some language; empty (and nothing logged) when it has not. */
    public Optional<String> find(Message message, Language language) {
        return has(message.key()) ? Optional.of(render(message, language)) : Optional.empty();
    }

    private String render(Message message, Language language, int depth) {
        String key = message.key();
        String pattern = patterns.getOrDefault(language, Map.of()).get(key);
        if (pattern == null) {
            pattern = patterns.getOrDefault(Language.ZH_CN, Map.of()).get(key);
            warnOnce(key, language, pattern == null ? "no language has it; showing the key" : "showing the zh-CN text");
        }
        if (pattern == null) {
            return key;
        }
        List<Object> args = message.args();
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            Object arg = args.get(i);
            values[i] = arg instanceof Message nested ? (depth < MAX_NESTING ? render(nested, language, depth + 1) : nested.key()) : arg;
        }
        try {
            return new MessageFormat(pattern, language.locale()).format(values);
        } catch (IllegalArgumentException e) {
            warnOnce(key, language, "its pattern is malformed (" + e.getMessage() + ")");
            return pattern;
        }
    }

    private void warnOnce(String key, Language language, String consequence) {
        if (warned.add(language.tag() + ' ' + key)) {
            LOG.warn("Message {} is missing in {} of {}: {}", key, fileName(language), source, consequence);
        }
    }
}
