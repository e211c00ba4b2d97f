package dev.pacesetter.kernel.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #FREE_ATTEMPTS} failures for one user name from one address,
 * each further attempt must wait twice as long as the last (1 s, 2 s, 4 s … capped at 15 minutes).
 * A success clears the record.
 */
final class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait, if locked out. */
    Optional<Duration> waitFor(String username, String address) {
        Failures f = failures.get(key(username, address));
        Instant now = clock.instant();
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil()));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        failures.compute(key(username, address), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            if (count < FREE_ATTEMPTS) {
                return new Failures(count, null);
            }
            long seconds = 1L << Math.min(20, count - FREE_ATTEMPTS);
            Duration wait = Duration.ofSeconds(seconds).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : Duration.ofSeconds(seconds);
            return new Failures(count, now.plus(wait));
        });
        if (failures.size() > 100_000) {
            failures.clear(); // a flood of distinct names must not exhaust memory
        }
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + "|" + address;
    }
}
