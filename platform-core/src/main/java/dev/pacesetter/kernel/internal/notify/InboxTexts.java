package dev.pacesetter.kernel.internal.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * A stored notification text as the reader reads it: the module's message rendered in the reader's
 * language while the module is installed, otherwise the text rendered when the notification was written.
 */
final class InboxTexts {

    private static final Logger LOG = LoggerFactory.getLogger(InboxTexts.class);

    private final MessageCatalogs catalogs;

    InboxTexts(MessageCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * @param storedMessage the message's JSON, or {@code null} for a fixed text
     * @param fallback the text rendered when the notification was written (may be {@code null}: no body)
     */
    String text(String module, String storedMessage, String fallback, Language language) {
        if (storedMessage == null) {
            return fallback;
        }
        try {
            return catalogs.find(module, Message.fromJson(storedMessage), language).orElse(fallback);
        } catch (IllegalArgumentException e) {
            LOG.warn("A stored notification message of module {} is unreadable ({}); showing its stored text", module, e.getMessage());
            return fallback;
        }
    }
}
