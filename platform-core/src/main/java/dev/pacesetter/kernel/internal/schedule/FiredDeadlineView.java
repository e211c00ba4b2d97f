package dev.pacesetter.kernel.internal.schedule;

import java.time.Instant;
import java.util.Optional;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.schedule.FiredDeadline;

/** A stored deadline as its handler sees it. */
record FiredDeadlineView(DeadlineData stored, int attempt, JsonCodec json) implements FiredDeadline {

    @Override
    public String kind() {
        return stored.kind();
    }

    @Override
    public String key() {
        return stored.key();
    }

    @Override
    public Instant dueAt() {
        return Instant.ofEpochMilli(stored.dueAtMillis());
    }

    @Override
    public Optional<Long> regionId() {
        return Optional.ofNullable(stored.regionId());
    }

    @Override
    public <T> T data(Class<T> type) {
        if (stored.dataJson() == null) {
            throw new IllegalArgumentException("deadline " + stored.instanceId() + " was scheduled without data");
        }
        return json.readLenient(stored.dataJson(), type);
    }

    @Override
    public String toString() {
        return "deadline " + stored.instanceId() + " due " + dueAt();
    }
}
