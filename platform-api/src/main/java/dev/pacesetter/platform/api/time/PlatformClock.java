package dev.pacesetter.platform.api.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What time it is for the platform: a service the kernel registers, the one source of "now" for plugins. In production
 * it is the system clock; a kernel started with {@code pacesetter.clock.adjustable=true} (tests, demos, training) can be
 * moved forward, and the deadlines, jobs, token expiry and every plugin that reads this clock move with it.
 *
 * <p>Plain domain classes take the {@link #clock()} as a {@link java.time.Clock}, so unit tests hand them a fixed one:
 * <pre>
 * &#64;Activate
 * public FollowUps(&#64;Reference PlatformClock time, ...) {
 *     this.policy = new FollowUpPolicy(time.clock());
 * }
 * </pre>
 */
@ProviderType
public interface PlatformClock {

    /** The clock itself, in UTC: {@code clock().instant()} is now. Never cache the instant, only the clock. */
    Clock clock();

    /** Now. */
    default Instant now() {
        return clock().instant();
    }

    /**
     * Where the organisation's days begin ({@code pacesetter.business.zone}, {@code Asia/Shanghai} by default): "today",
     * a month's statement, a day's KPIs and a nightly job's 02:00 are all in this zone.
     */
    ZoneId businessZone();

    /** Today's date in the {@link #businessZone() business zone}. */
    default LocalDate today() {
        return LocalDate.ofInstant(now(), businessZone());
    }
}
