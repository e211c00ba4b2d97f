package dev.pacesetter.platform.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.platform.api.i18n.Message;

/**
 * Collects every field error of a request before refusing it, so the caller learns all of them at once.
 *
 * <pre>
 * new Validation()
 *     .require(body.name() != null &amp;&amp; !body.name().isBlank(), "name", "must not be blank")
 *     .require(body.budget() == null || body.budget().signum() &gt;= 0, "budget", "must not be negative")
 *     .orThrow();
 * </pre>
 * Not thread-safe; use one per request.
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records {@code message} against {@code field} unless {@code condition} holds. */
    public Validation require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** Records {@code message}, rendered in the caller's language, against {@code field} unless {@code condition} holds. */
    public Validation require(boolean condition, String field, Message message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /**
     * An optional whole-number query parameter such as {@code limit}: {@code fallback} when absent; when it is
     * not a whole number from {@code min} to {@code max}, an error is recorded and {@code fallback} returned.
     */
    public int intParam(ApiRequest request, String name, int fallback, int min, int max) {
        Optional<String> raw = request.queryParam(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // recorded below
        }
        require(false, name, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** An optional id-like query parameter such as {@code ownerId}; one that is not a number is recorded ("must be a number"). */
    public Optional<Long> longParam(ApiRequest request, String name) {
        return request.queryParam(name).flatMap(raw -> {
            try {
                return Optional.of(Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                require(false, name, "must be a number");
                return Optional.empty();
            }
        });
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws ApiException {@code 400 validation_failed} if any requirement failed */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
    }
}
