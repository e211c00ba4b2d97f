package dev.pacesetter.leads.internal.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO-8601 durations as the follow-up policies carry them ({@code PT24H}, {@code P7D}, {@code P1W}), whole seconds only. */
public final class Durations {

    private static final Pattern WEEKS = Pattern.compile("P(\\d{1,3})W");

    private Durations() {
    }

    /** The duration {@code text} names, if it is an ISO-8601 duration of whole seconds (weeks allowed: {@code P2W}). */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher weeks = WEEKS.matcher(upper);
        if (weeks.matches()) {
            return Optional.of(Duration.ofDays(7L * Integer.parseInt(weeks.group(1))));
        }
        try {
            Duration d = Duration.parse(upper);
            return d.getNano() == 0 ? Optional.of(d) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** ISO-8601: whole days from two days up as days ({@code P7D}), shorter ones as {@link Duration#toString()} ({@code PT24H}, {@code PT3S}). */
    public static String iso(Duration d) {
        if (d == null) {
            return null;
        }
        long seconds = d.getSeconds();
        if (seconds > 0 && seconds % 86_400 == 0 && seconds >= 2 * 86_400) {
            return "P" + seconds / 86_400 + "D";
        }
        return d.toString();
    }

    /** In words for rules and alerts: "24 hours", "7 days", "1 hour 30 minutes", "3 seconds". */
    public static String words(Duration d) {
        long seconds = d.getSeconds();
        if (seconds % 86_400 == 0 && seconds >= 2 * 86_400) {
            return plural(seconds / 86_400, "day");
        }
        List<String> parts = new ArrayList<>();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            parts.add(plural(hours, "hour"));
        }
        if (minutes > 0) {
            parts.add(plural(minutes, "minute"));
        }
        if (rest > 0 || parts.isEmpty()) {
            parts.add(plural(rest, "second"));
        }
        return String.join(" ", parts);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
