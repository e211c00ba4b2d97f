package dev.pacesetter.leads.internal.domain;

import java.util.ArrayList;
import java.util.List;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * One rule: the lead gets {@code grade} when it reaches every minimum the rule sets (a null minimum is not
 * checked). Rules are tried in order; the first that matches decides.
 *
 * @param minTotal minimum of the three scores added up (each 0-2, so 0-6)
 */
public record GradingRule(String name, Grade grade, Intent minIntent, BudgetStatus minBudget, DecisionRole minDecision, Integer minTotal) {

    public boolean matches(GradingInputs in) {
        return (minIntent == null || in.intent().score() >= minIntent.score())
                && (minBudget == null || in.budget().score() >= minBudget.score())
                && (minDecision == null || in.decision().score() >= minDecision.score())
                && (minTotal == null || in.total() >= minTotal);
    }

    /** Problems with this rule as data an administrator sent, with field paths under {@code path} ({@code rules[0]}). */
    List<FieldError> problems(String path) {
        List<FieldError> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.add(new FieldError(path + ".name", Message.of("field.length_range", 1, 100)));
        }
        if (grade == null) {
            problems.add(new FieldError(path + ".grade", Message.of("field.required.one-of", "A, B, C")));
        }
        if (minTotal != null && (minTotal < 0 || minTotal > 6)) {
            problems.add(new FieldError(path + ".minTotal", Message.of("field.min-total")));
        }
        return problems;
    }

    /** In words, for the lead's explanation. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (minIntent != null) {
            parts.add("intent ≥ " + minIntent);
        }
        if (minBudget != null) {
            parts.add("budget ≥ " + minBudget);
        }
        if (minDecision != null) {
            parts.add("decision role ≥ " + minDecision);
        }
        if (minTotal != null) {
            parts.add("total score ≥ " + minTotal);
        }
        return parts.isEmpty() ? "always" : String.join(" and ", parts);
    }
}
