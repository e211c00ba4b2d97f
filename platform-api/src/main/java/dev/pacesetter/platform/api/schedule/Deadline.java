package dev.pacesetter.platform.api.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A one-off deadline of one record: its kind ({@code lead.first-touch}), the record's key ({@code 42}),
 * when it is due, the region the record belongs to (a deadline in a region where the module is off is
 * skipped) and optional JSON-serialisable data handed back when it fires. Kind and key identify it within
 * the module: scheduling the same pair again moves it. Immutable.
 */
public final class Deadline {

    /** Lower-case letters, digits, {@code .}, {@code -} and {@code _}; at most 60 characters. */
    public static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,59}");

    private final String kind;
    private final String key;
    private final Instant dueAt;
    private final Long regionId;
    private final Object data;

    private Deadline(String kind, String key, Instant dueAt, Long regionId, Object data) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must look like 'lead.first-touch': " + kind);
        }
        if (key == null || key.isBlank() || key.length() > 120) {
            throw new IllegalArgumentException("key must be 1-120 characters: " + key);
        }
        this.kind = kind;
        this.key = key;
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.regionId = regionId;
        this.data = data;
    }

    /**
     * @param key the record the deadline belongs to, e.g. the lead's id
     */
    public static Deadline of(String kind, Object key, Instant dueAt) {
        return new Deadline(kind, key == null ? null : key.toString(), dueAt, null, null);
    }

    /** A copy that belongs to {@code regionId}. */
    public Deadline inRegion(long regionId) {
        return new Deadline(kind, key, dueAt, regionId, data);
    }

    /** A copy carrying {@code data} (a record, map or bean the kernel serialises to JSON). */
    public Deadline withData(Object data) {
        return new Deadline(kind, key, dueAt, regionId, Objects.requireNonNull(data, "data"));
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Optional<Long> regionId() {
        return Optional.ofNullable(regionId);
    }

    public Optional<Object> data() {
        return Optional.ofNullable(data);
    }

    @Override
    public String toString() {
        return kind + "/" + key + " due " + dueAt;
    }
}
