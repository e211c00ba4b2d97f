package dev.pacesetter.pipeline.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The three-step conversation model of an opportunity (plan: "needs discovery → solution match → objection
 * handling"): the customer's needs as 5W2H answers, the solution as a value statement with a quantified
 * benefit ("saves 30% of staff cost, about 40,000 a month"), and the objections raised with their resolution.
 */
public record Conversation(Needs needs, Solution solution, List<Objection> objections, Completeness completeness) {

    /** 5W2H: what, why, who, when, where, how, how much. */
    public record Needs(String what, String why, String who, String when, String where, String how, String howMuch) {

        public static final Needs NONE = new Needs(null, null, null, null, null, null, null);

        long answered() {
            return Stream.of(what, why, who, when, where, how, howMuch).filter(a -> a != null && !a.isBlank()).count();
        }
    }

    /** How the product meets the needs, in the customer's terms. */
    public record Solution(String valueStatement, String quantifiedBenefit) {

        public static final Solution NONE = new Solution(null, null);
    }

    /** An objection and, once handled, how; {@code libraryRef} links the training module's objection library. */
    public record Objection(long id, String objection, String libraryRef, long raisedBy, Instant raisedAt, String resolution, Instant resolvedAt) {

        public boolean resolved() {
            return resolvedAt != null;
        }
    }

    /**
     * How far the conversation got: each step scores 0-1 (needs: answers ÷ 7; solution: value statement and
     * quantified benefit half each; objections: resolved ÷ raised; when none was raised, 1 once the solution was
     * fully presented and 0 before — "no objection" means nothing until there was something to object to, so an
     * empty record is 0%) and {@code percent} is their mean, rounded half-up.
     */
    public record Completeness(int needsAnswered, int needsAsked, boolean valueStated, boolean benefitQuantified, int objectionsRaised,
            int objectionsResolved, int percent) {

        public static Completeness of(Needs needs, Solution solution, List<Objection> objections) {
            int answered = (int) needs.answered();
            boolean stated = solution.valueStatement() != null && !solution.valueStatement().isBlank();
            boolean quantified = solution.quantifiedBenefit() != null && !solution.quantifiedBenefit().isBlank();
            int resolved = (int) objections.stream().filter(Objection::resolved).count();
            BigDecimal needsStep = BigDecimal.valueOf(answered).divide(BigDecimal.valueOf(7), 10, RoundingMode.HALF_UP);
            BigDecimal solutionStep = BigDecimal.valueOf((stated ? 1 : 0) + (quantified ? 1 : 0)).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
            BigDecimal objectionStep = objections.isEmpty() ? (stated && quantified ? BigDecimal.ONE : BigDecimal.ZERO)
                    : BigDecimal.valueOf(resolved).divide(BigDecimal.valueOf(objections.size()), 10, RoundingMode.HALF_UP);
            int percent = needsStep.add(solutionStep).add(objectionStep).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(3), 0, RoundingMode.HALF_UP).intValueExact();
            return new Completeness(answered, 7, stated, quantified, objections.size(), resolved, percent);
        }
    }
}
