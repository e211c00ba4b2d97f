package dev.pacesetter.pipeline.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.pacesetter.platform.api.i18n.Message;

/** A customer's health, 0-100, from last contact, demand trend and competitor contact, by {@link HealthSettings}. */
public final class HealthScoring {

    /** Retention actions, by what pulled the score down. */
    public static final String EXCLUSIVE_OFFER = "Exclusive offer";
    public static final String TAILORED_PLAN = "Tailored plan";

    /**
     * What the score is made from: the last contact (latest activity, else when the account was created), the
     * latest activity flagged as competitor contact (null if none), and the orders in the tiering currency.
     */
    public record Signals(Instant lastContactAt, Instant lastCompetitorContactAt, List<Tiering.OrderFact> orders) {
    }

    /** One factor's contribution: {@code points} of {@code max}, and why (rendered in the reader's language). */
    public record Factor(String factor, int points, int max, Message detail) {
    }

    /** The score (the sum of the factors' points), the threshold and whether the score is below it. */
    public record Health(int score, int threshold, boolean below, List<Factor> factors) {
    }

    private final HealthSettings settings;
    private final Clock clock;

    public HealthScoring(HealthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Health score(Signals signals) {
        Instant now = clock.instant();
        List<Factor> factors = List.of(contact(signals, now), demand(signals, now), competitor(signals, now));
        int score = factors.stream().mapToInt(Factor::points).sum();
        return new Health(score, settings.threshold(), score < settings.threshold(), factors);
    }

    /** Competitor contact calls for an exclusive offer; a customer drifting away otherwise for a tailored plan. */
    public static String retentionAction(Health health) {
        return health.factors().stream().anyMatch(f -> f.factor().equals("competitorContact") && f.points() < f.max()) ? EXCLUSIVE_OFFER
                : TAILORED_PLAN;
    }

    private Factor contact(Signals s, Instant now) {
        int max = settings.contactWeight();
        long days = Math.max(0, Duration.between(s.lastContactAt(), now).toDays());
        int full = settings.contactFullWithinDays();
        int zero = settings.contactZeroAfterDays();
        int points = days <= full ? max : days >= zero ? 0 : share(max, BigDecimal.valueOf(zero - days), BigDecimal.valueOf(zero - full));
        return new Factor("lastContact", points, max, Message.of("health.detail.last-contact", days, full, zero));
    }

    private Factor demand(Signals s, Instant now) {
        int max = settings.demandWeight();
        Duration window = Duration.ofDays(settings.demandWindowDays());
        Instant recentFrom = now.minus(window);
        Instant previousFrom = recentFrom.minus(window);
        BigDecimal recent = sum(s.orders(), recentFrom, now);
        BigDecimal previous = sum(s.orders(), previousFrom, recentFrom);
        Message figures = Message.of("health.detail.demand", recent.toPlainString(), settings.demandWindowDays(), previous.toPlainString());
        if (previous.signum() == 0) {
            return recent.signum() > 0 ? new Factor("demandTrend", max, max, Message.of("health.detail.demand.new", figures))
                    : new Factor("demandTrend", max / 2, max, Message.of("health.detail.demand.none", figures));
        }
        int points = recent.compareTo(previous) >= 0 ? max : share(max, recent, previous);
        return new Factor("demandTrend", points, max, Message.of(points == max ? "health.detail.demand.steady" : "health.detail.demand.falling", figures));
    }

    private Factor competitor(Signals s, Instant now) {
        int max = settings.competitorWeight();
        Instant from = now.minus(Duration.ofDays(settings.competitorWithinDays()));
        boolean seen = s.lastCompetitorContactAt() != null && s.lastCompetitorContactAt().isAfter(from);
        return new Factor("competitorContact", seen ? 0 : max, max, seen ? Message.of("health.detail.competitor", String.valueOf(s.lastCompetitorContactAt()))
                : Message.of("health.detail.no-competitor", settings.competitorWithinDays()));
    }

    private static BigDecimal sum(List<Tiering.OrderFact> orders, Instant fromExclusive, Instant toInclusive) {
        return orders.stream().filter(o -> o.at().isAfter(fromExclusive) && !o.at().isAfter(toInclusive)).map(Tiering.OrderFact::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@code max × part / whole}, rounded half up. */
    private static int share(int max, BigDecimal part, BigDecimal whole) {
        return BigDecimal.valueOf(max).multiply(part).divide(whole, 0, RoundingMode.HALF_UP).intValue();
    }
}
