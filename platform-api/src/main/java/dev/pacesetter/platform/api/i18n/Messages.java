package dev.pacesetter.platform.api.i18n;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders the messages of one bundle. A service the kernel provides to each bundle (get it with
 * {@code @Reference Messages messages}); it reads that bundle's {@code OSGI-INF/l10n/messages.properties}
 * (Simplified Chinese) and {@code messages_<language>.properties} files, and reloads them when the bundle
 * is updated.
 *
 * <p>A key missing in the requested language falls back to Simplified Chinese, then to the key itself;
 * each missing key is logged once as a warning. Arguments that are themselves {@link Message}s are
 * rendered first, in the same language. Thread-safe.
 */
@ProviderType
public interface Messages {

    /** The text of {@code message} in {@code language}; never null. */
    String render(Message message, Language language);

    /** Shorthand for {@code render(Message.of(key, args), language)}. */
    default String render(Language language, String key, Object... args) {
        return render(Message.of(key, args), language);
    }
}
