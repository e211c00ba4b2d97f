package dev.pacesetter.platform.api.http;

import java.util.Objects;

/**
 * One invalid field of a request, as reported in {@code error.details.fields}.
 *
 * @param field the field's JSON path, e.g. {@code amount} or {@code members[1].weight}
 * @param message what is wrong with it, phrased for the caller
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
