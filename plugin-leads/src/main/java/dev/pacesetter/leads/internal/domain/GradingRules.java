package dev.pacesetter.leads.internal.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * A versioned, ordered rule set; a lead that matches no rule gets {@code fallback}.
 *
 * <p>The defaults are the plan's ("intent + budget + decision chain → A/B/C"), {@link #plan()}: A needs clear
 * intent and a confirmed budget and the decision maker; B is intent with budget or decision maker still open; the
 * rest (interest only) is C.
 */
public record GradingRules(int version, List<GradingRule> rules, Grade fallback) {

    public static final int MAX_RULES = 50;
    /** The version the plan's defaults have (stored by migration V3 where no administrator had saved rules). */
    public static final int PLAN_VERSION = 2;

    /**
     * The plan's defaults, version 2: A = HIGH intent, CONFIRMED budget and DECISION_MAKER; B = at least MEDIUM
     * intent; else C.
     */
    public static GradingRules plan() {
        return new GradingRules(PLAN_VERSION, List.of(
                new GradingRule("clear intent, confirmed budget, decision maker", Grade.A, Intent.HIGH, BudgetStatus.CONFIRMED,
                        DecisionRole.DECISION_MAKER, null),
                new GradingRule("intent, budget or decision maker still open", Grade.B, Intent.MEDIUM, null, null, null)), Grade.C);
    }

    /**
     * The defaults first shipped, version 1 — kept only so that leads graded by them can still show the rule set
     * their explanation names. They graded A too readily (high intent with a confirmed budget alone; or a total of
     * 5, e.g. high intent with an unconfirmed budget and the decision maker), which is not the plan.
     */
    public static GradingRules firstShipped() {
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
            problems.add(new FieldError("fallback", Message.of("field.fallback")));
        }
        if (rules == null || rules.isEmpty() || rules.size() > MAX_RULES) {
            problems.add(new FieldError("rules", Message.of("field.rules.count", MAX_RULES)));
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            GradingRule rule = rules.get(i);
            if (rule == null) {
                problems.add(new FieldError("rules[" + i + "]", Message.of("field.required")));
                continue;
            }
            problems.addAll(rule.problems("rules[" + i + "]"));
            if (rule.name() != null && !rule.name().isBlank() && !names.add(Normalizer.nameKey(rule.name()))) {
                problems.add(new FieldError("rules[" + i + "].name", Message.of("field.rules.name-twice", rule.name().strip())));
            }
        }
        return problems;
    }
}
