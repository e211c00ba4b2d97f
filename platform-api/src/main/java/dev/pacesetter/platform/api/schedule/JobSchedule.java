package dev.pacesetter.platform.api.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a {@link ScheduledJob} runs: a cron expression in a time zone, or a fixed interval. Immutable.
 *
 * <p>Cron expressions have six fields, seconds first: {@code "0 0 2 * * *"} is every night at 02:00,
 * {@code "0 0 6 1 * *"} is the 1st of every month at 06:00.
 */
public final class JobSchedule {

    private final String cron;
    private final ZoneId zone;
    private final Duration interval;

    private JobSchedule(String cron, ZoneId zone, Duration interval) {
        this.cron = cron;
        this.zone = zone;
        this.interval = interval;
    }

    /** The expression is checked when the job is registered; a bad one is refused with a logged reason. */
    public static JobSchedule cron(String expression, ZoneId zone) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required, e.g. \"0 0 2 * * *\"");
        }
        return new JobSchedule(expression.trim(), Objects.requireNonNull(zone, "zone"), null);
    }

    public static JobSchedule daily(LocalTime at, ZoneId zone) {
        return cron(at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * *", zone);
    }

    /** On {@code dayOfMonth} (1-28, so that every month has it) of every month, e.g. the month close. */
    public static JobSchedule monthly(int dayOfMonth, LocalTime at, ZoneId zone) {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("dayOfMonth must be 1-28 so that every month has it: " + dayOfMonth);
        }
        return cron(at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + dayOfMonth + " * *", zone);
    }

    /** Every {@code interval} (at least one second), counted from the end of the previous run. */
    public static JobSchedule every(Duration interval) {
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least one second: " + interval);
        }
        return new JobSchedule(null, null, interval);
    }

    /** The cron expression, or null for an interval. */
    public String cronExpression() {
        return cron;
    }

    /** The cron's time zone, or null for an interval. */
    public ZoneId zone() {
        return zone;
    }

    /** The interval, or null for a cron schedule. */
    public Duration interval() {
        return interval;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobSchedule other && Objects.equals(cron, other.cron) && Objects.equals(zone, other.zone)
                && Objects.equals(interval, other.interval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cron, zone, interval);
    }

    @Override
    public String toString() {
        return cron != null ? "cron '" + cron + "' " + zone : "every " + interval;
    }
}
