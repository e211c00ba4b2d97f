package dev.pacesetter.kernel.internal.notify;

import java.util.Locale;
import java.util.Optional;

/** How a user wants to be told of a kind of notification. */
public enum Channel {
    INBOX, EMAIL, BOTH;

    boolean wantsInbox() {
        return this != EMAIL;
    }

    boolean wantsEmail() {
        return this != INBOX;
    }

    /** The channel {@code text} names, in any case; empty if it names none. */
    public static Optional<Channel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
