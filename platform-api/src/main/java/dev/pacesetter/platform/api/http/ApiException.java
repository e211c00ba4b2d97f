package dev.pacesetter.platform.api.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A client error (or an expected refusal) that the gateway renders as
 * {@code {"error":{"code","message","details"}}} with {@link #status()}.
 *
 * <p>The code is a stable, machine-readable snake_case word; the message is for people and says
 * what to do. Carries no stack trace: it is an answer, not a failure.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Object details;

    public ApiException(int status, String code, String message, Object details) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an ApiException carries a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.details = details == null ? Map.of() : details;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, null);
    }

    /** 400 {@code validation_failed} naming every invalid field. */
    public static ApiException invalidFields(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no field errors to report");
        }
        String names = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        String message = errors.size() == 1
                ? "Field " + names + " is invalid: " + errors.get(0).message() + "."
                : "Fields are invalid: " + names + ". See details.fields.";
        return new ApiException(400, "validation_failed", message, Map.of("fields", List.copyOf(errors)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    public static ApiException conflict(String code, String message, Object details) {
        return new ApiException(409, code, message, details);
    }

    public static ApiException unprocessable(String code, String message, Object details) {
        return new ApiException(422, code, message, details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** JSON-serialisable details; an empty object when there are none. */
    public Object details() {
        return details;
    }
}
