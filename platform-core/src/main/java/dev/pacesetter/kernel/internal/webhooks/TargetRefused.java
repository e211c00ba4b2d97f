package dev.pacesetter.kernel.internal.webhooks;

import dev.pacesetter.platform.api.i18n.Message;

/** A webhook URL the server will not call; the message says which rule it broke and how to proceed. */
final class TargetRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether the URL itself is malformed (400), rather than pointing somewhere it may not (422). */
    private final boolean malformed;

    private final transient Message text;

    /** @param message in English, for logs; @param text the same for people, in their language */
    TargetRefused(String message, Message text, boolean malformed) {
        super(message, null, false, false);
        this.text = text;
        this.malformed = malformed;
    }

    Message text() {
        return text;
    }

    boolean malformed() {
        return malformed;
    }
}
