package dev.pacesetter.pipeline.internal.domain;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * A text kept in a table that is either what a person wrote (a rule's reason, a playbook action) or one of
 * the plugin's messages in its JSON form (the shipped defaults), which is shown in the reader's language.
 */
public final class StoredText {

    private StoredText() {
    }

    /** A {@link Message} for a stored message, the text itself otherwise: fit as a message argument. */
    public static Object of(String stored) {
        if (stored != null && stored.startsWith("{\"key\"")) {
            try {
                return Message.fromJson(stored);
            } catch (IllegalArgumentException written) {
                // someone wrote text that only looks like a message
            }
        }
        return stored;
    }

    public static String render(Messages messages, String stored, Language language) {
        return of(stored) instanceof Message message ? messages.render(message, language) : stored;
    }
}
