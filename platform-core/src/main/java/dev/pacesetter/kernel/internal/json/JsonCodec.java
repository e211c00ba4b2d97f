package dev.pacesetter.kernel.internal.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The kernel's JSON, for request and reply bodies, stored payloads and events: strict binding (unknown fields,
 * wrong types and coerced scalars are refused and named), ISO-8601 dates and durations, plain decimals. Thread-safe.
 *
 * <p>Jackson caches per class; plugin classes die with their bundle, so {@link #forgetPluginClasses()}
 * replaces the mapper when a bundle goes away rather than pin its class loader.
 */
public final class JsonCodec {

    private volatile ObjectMapper mapper = newMapper();

    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(DecimalText.module())
                .addModule(PlausibleDates.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // "PT24H" as the API promises (and binds), not Jackson's default of seconds as a number (86400.000000000)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * @throws ApiException 400 {@code malformed_json} or {@code validation_failed} naming the fields
     */
    public <T> T read(byte[] body, Class<T> type) {
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("missing_body", Message.of("error.missing_body.object"));
            }
            return value;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            String message = e.getCause() != null ? e.getCause().getMessage() : null;
            throw ApiException.invalidFields(List.of(message != null ? new FieldError(fieldPath(e, "body"), message)
                    : new FieldError(fieldPath(e, "body"), Message.of("field.invalid"))));
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalidFields(List.of(new FieldError(fieldPath(e, e.getPropertyName()), Message.of("field.unknown"))));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw ApiException.badRequest("malformed_json", Message.of(type.isArray() || List.class.isAssignableFrom(type)
                        ? "error.malformed_json.expected_array" : "error.malformed_json.expected_object"));
            }
            throw ApiException.invalidFields(List.of(new FieldError(fieldPath(e, "body"), expectation(e.getTargetType()))));
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException broken) {
                throw malformed(broken);
            }
            throw ApiException.invalidFields(List.of(new FieldError(fieldPath(e, "body"), Message.of("field.invalid"))));
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", Message.of("error.malformed_json.unreadable"));
        }
    }

    private static ApiException malformed(StreamReadException e) {
        return ApiException.badRequest("malformed_json", e.getLocation() == null ? Message.of("error.malformed_json")
                : Message.of("error.malformed_json.at", e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
    }

    /** {@code value} as a JSON tree (for the audit trail, which edits it before storing). */
    public com.fasterxml.jackson.databind.JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    /**
     * Binds JSON the kernel stored (an event payload) to {@code type}, ignoring fields the type does not
     * have, so that publishers can add fields without breaking subscribers.
     *
     * @throws IllegalArgumentException if it does not fit
     */
    public <T> T readLenient(String stored, Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload does not fit " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a value as JSON text. */
    public String writeString(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON the kernel itself stored. */
    public com.fasterxml.jackson.databind.JsonNode parse(String stored) {
        try {
            return mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    public void forgetPluginClasses() {
        mapper = newMapper();
    }

    private static String fieldPath(JsonMappingException e, String fallback) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? fallback : path.toString();
    }

    private static Message expectation(Class<?> type) {
        if (type == null) {
            return Message.of("field.wrong_type");
        }
        if (type.isEnum()) {
            return Message.of("field.one_of", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]")));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class || type == Short.class || type == short.class) {
            return Message.of("field.whole_number");
        }
        if (type == BigDecimal.class) {
            return Message.of("field.decimal");
        }
        if (type == Double.class || type == double.class || Number.class.isAssignableFrom(type)) {
            return Message.of("field.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Message.of("field.boolean");
        }
        if (type == String.class) {
            return Message.of("field.string");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Message.of("field.temporal");
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return Message.of("field.array");
        }
        return Message.of("field.object");
    }
}
