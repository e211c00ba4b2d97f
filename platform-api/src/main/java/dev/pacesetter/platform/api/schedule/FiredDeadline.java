package dev.pacesetter.platform.api.schedule;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A deadline as its handler receives it. Implemented by the kernel. */
@ProviderType
public interface FiredDeadline {

    String kind();

    String key();

    /** When it was due; it fires at or shortly after this, or on start after downtime. */
    Instant dueAt();

    Optional<Long> regionId();

    /** 1 on the first attempt, higher on retries after the handler threw. */
    int attempt();

    /**
     * The data scheduled with it, bound to {@code type}.
     *
     * @throws IllegalArgumentException if it has none or it does not fit {@code type}
     */
    <T> T data(Class<T> type);
}
