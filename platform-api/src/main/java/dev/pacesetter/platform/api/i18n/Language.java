package dev.pacesetter.platform.api.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language the product writes in. A user chooses one (the installation's default otherwise);
 * anonymous callers get the one their {@code Accept-Language} header prefers.
 */
public enum Language {

    /** Simplified Chinese: the default, and the text a message falls back to when a translation is missing. */
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The BCP 47 tag clients send and see: {@code zh-CN} or {@code en}. */
    public String tag() {
        return tag;
    }

    /** The locale numbers and dates are formatted with. */
    public Locale locale() {
        return locale;
    }

    /**
     * The language a tag names: {@code zh-CN}, {@code zh}, {@code zh-Hans}, {@code en}, {@code en-GB} …
     * (case and {@code _} or {@code -} do not matter); empty for any other language or a blank tag.
     */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().replace('_', '-').split("-", 2)[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "zh" -> Optional.of(ZH_CN);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /**
     * The first language of an {@code Accept-Language} header ({@code en-US,en;q=0.9,zh;q=0.8}) that the
     * product writes in, by the client's weights; {@code fallback} when none is, or the header is absent or
     * malformed.
     */
    public static Language fromAcceptLanguage(String header, Language fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                Optional<Language> language = fromTag(range.getRange());
                if (language.isPresent() && range.getWeight() > 0) {
                    return language.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header we cannot read is no preference
        }
        return fallback;
    }
}
