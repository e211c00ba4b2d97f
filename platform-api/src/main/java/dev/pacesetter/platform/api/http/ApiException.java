package dev.pacesetter.platform.api.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.pacesetter.platform.api.i18n.Message;

/**
 * A client error (or an expected refusal) that the gateway renders as
 * {@code {"error":{"code","message","details"}}} with {@link #status()}.
 *
 * <p>The code is a stable, machine-readable snake_case word; the message is for people and says
 * what to do. Carries no stack trace: it is an answer, not a failure.
 *
 * <p>Made with a {@link Message} instead of a text, the message is rendered by the gateway from the message
 * files of the module that serves the route, in the caller's language (their setting, or
 * {@code Accept-Language} when anonymous); {@link #getMessage()} then holds only the key and arguments, for
 * logs.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Object details;
    private final transient Message text;

    public ApiException(int status, String code, String message, Object details) {
        this(status, code, Objects.requireNonNull(message, "message"), null, details);
    }

    /** An answer whose message is rendered in the caller's language. */
    public ApiException(int status, String code, Message message, Object details) {
        this(status, code, Objects.requireNonNull(message, "message").toString(), message, details);
    }

    private ApiException(int status, String code, String message, Message text, Object details) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an ApiException carries a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.details = details == null ? Map.of() : details;
        this.text = text;
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

    public static ApiException badRequest(String code, Message message) {
        return new ApiException(400, code, message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    public static ApiException notFound(Message message) {
        return new ApiException(404, "not_found", message, null);
    }

    public static ApiException conflict(String code, Message message, Object details) {
        return new ApiException(409, code, message, details);
    }

    public static ApiException unprocessable(String code, Message message, Object details) {
        return new ApiException(422, code, message, details);
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

    /** The message to render in the caller's language, if the exception was made with one. */
    public Optional<Message> text() {
        return Optional.ofNullable(text);
    }

    /** JSON-serialisable details; an empty object when there are none. */
    public Object details() {
        return details;
    }
}
