package dev.pacesetter.kernel.internal.gateway;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape: {@code {"error":{"code","message","details","correlationId"}}}. */
record ErrorBody(Error error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String code, String message, Object details, String correlationId) {
    }

    static ErrorBody of(String code, String message, Object details, String correlationId) {
        return new ErrorBody(new Error(code, message, details == null ? Map.of() : details, correlationId));
    }
}
