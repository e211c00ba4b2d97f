package dev.pacesetter.kernel.internal.gateway;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids: the caller's {@code X-Request-Id} when it is sane, otherwise a fresh random one. */
final class CorrelationId {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationId() {
    }

    static String from(String offered) {
        if (offered != null && SANE.matcher(offered).matches()) {
            return offered;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Integer.toHexString(random.nextInt() | Integer.MIN_VALUE);
    }
}
