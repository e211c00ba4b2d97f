package dev.pacesetter.kernel.internal.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;

import dev.pacesetter.platform.api.http.Validation;

/**
 * Dates and times in request bodies must lie in the years 1900 to 9999 ({@link Validation#isPlausible}):
 * ISO-8601 allows {@code +999999999-12-31T23:59:59Z}, which Java parses and databases then store as
 * nonsense (PostgreSQL wrapped one into the year −169,108,099). Refused as {@code validation_failed} on the
 * field, for every plugin, before its code runs.
 */
final class PlausibleDates {

    private PlausibleDates() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("plausible-dates");
        module.addDeserializer(Instant.class, bounded(Instant.class, InstantDeserializer.INSTANT, v -> v));
        module.addDeserializer(OffsetDateTime.class, bounded(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::toInstant));
        module.addDeserializer(ZonedDateTime.class, bounded(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME, ZonedDateTime::toInstant));
        module.addDeserializer(LocalDate.class, bounded(LocalDate.class, LocalDateDeserializer.INSTANCE,
                d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)));
        module.addDeserializer(LocalDateTime.class, bounded(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE,
                d -> d.toInstant(ZoneOffset.UTC)));
        return module;
    }

    private static <T> JsonDeserializer<T> bounded(Class<T> type, JsonDeserializer<? extends T> parser, Function<T, Instant> instant) {
        return new StdDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                String text = in.getText();
                T value = parser.deserialize(in, context);
                if (value != null && !Validation.isPlausible(instant.apply(value))) {
                    return type.cast(context.handleWeirdStringValue(type, text, "not in the years 1900 to 9999"));
                }
                return value;
            }
        };
    }
}
