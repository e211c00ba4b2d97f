package dev.pacesetter.platform.api.http;

import java.util.Objects;

import dev.pacesetter.platform.api.i18n.Message;

/**
 * One invalid field of a request, as reported in {@code error.details.fields}.
 *
 * @param field the field's JSON path, e.g. {@code amount} or {@code members[1].weight}
 * @param message what is wrong with it, phrased for the caller; for an error made with a {@link Message},
 *        the message's key and arguments (for logs)
 * @param text the message the gateway renders in the caller's language from the module's message files,
 *        or {@code null} for a fixed text
 */
public record FieldError(String field, String message, Message text) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** A field error with a fixed text. */
    public FieldError(String field, String message) {
        this(field, message, null);
    }

    /** A field error rendered in the caller's language, e.g. {@code new FieldError("amount", Message.of("amount.negative"))}. */
    public FieldError(String field, Message text) {
        this(field, Objects.requireNonNull(text, "text").toString(), text);
    }
}
