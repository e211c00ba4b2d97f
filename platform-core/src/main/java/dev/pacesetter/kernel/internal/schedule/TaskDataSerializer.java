package dev.pacesetter.kernel.internal.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Stores task data as JSON instead of db-scheduler's default Java serialisation: readable in the database,
 * and no class of ours is ever deserialised from bytes a database user could write.
 */
final class TaskDataSerializer implements Serializer {

    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public byte[] serialize(Object data) {
        try {
            return mapper.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store task data " + data.getClass().getSimpleName(), e);
        }
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] serialized) {
        try {
            return mapper.readValue(serialized, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored task data is not a " + type.getSimpleName(), e);
        }
    }
}
