package dev.pacesetter.leads.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.platform.api.http.FieldError;

/**
 * A versioned, ordered rule set; a lead that matches no rule gets {@code fallback}.
 *
 * <p>The defaults follow the plan ("intent + budget + decision chain → A/B/C"): a lead with high intent and a
 * confirmed budget, or strong on all three, is A; a lead with some intent and some budget, or middling
 * overall, is B; the rest are C.
 */
public record GradingRules(int version, List<GradingRule> rules, Grade fallback) {

    public static final int MAX_RULES = 50;

    public static GradingRules defaults() {
        return new GradingRules(1, List.of(
                new GradingRule("high intent with a confirmed budget", Grade.A, Intent.HIGH, BudgetStatus.CONFIRMED, null, null),
                new GradingRule("strong on all three", Grade.A, null, null, null, 5),
                new GradingRule("interested with a budget in view", Grade.B, Intent.MEDIUM, BudgetStatus.UNCONFIRMED, null, null),
                new GradingRule("middling overall", Grade.B, null, null, null, 3)), Grade.C);
    }

    public GradeResult grade(GradingInputs inputs) {
        for (GradingRule rule : rules) {
            if (rule.matches(inputs)) {
                return new GradeResult(rule.grade(), rule.name(), rule.describe(), version, inputs);
            }
        }
        return new GradeResult(fallback, "no rule matched", "fallback", version, inputs);
    }

    /** Problems with a rule set an administrator sent, each with its field path ({@code rules[2].minTotal}). */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (fallback == null) {
            problems.add(new FieldError("fallback", "is required (A, B or C): the grade of a lead no rule matches"));
        }
        if (rules == null || rules.isEmpty() || rules.size() > MAX_RULES) {
            problems.add(new FieldError("rules", "must hold 1-" + MAX_RULES + " rules"));
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            GradingRule rule = rules.get(i);
            if (rule == null) {
                problems.add(new FieldError("rules[" + i + "]", "must not be null"));
                continue;
            }
            problems.addAll(rule.problems("rules[" + i + "]"));
            if (rule.name() != null && !rule.name().isBlank() && !names.add(Normalizer.nameKey(rule.name()))) {
                problems.add(new FieldError("rules[" + i + "].name", "'" + rule.name().strip() + "' names an earlier rule too; leads are told"
                        + " which rule graded them, so names must differ"));
            }
        }
        return problems;
    }
}
