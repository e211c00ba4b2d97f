package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.platform.api.http.FieldError;

class GradingRulesTest {

    private static GradingInputs in(Intent intent, BudgetStatus budget, DecisionRole decision) {
        return new GradingInputs(intent, budget, decision);
    }

    @Test
    void thePlansDefaultsGradeAOnlyWithClearIntentAConfirmedBudgetAndTheDecisionMaker() {
        GradingRules rules = GradingRules.plan();
        assertEquals(2, rules.version());
        GradeResult hot = rules.grade(in(Intent.HIGH, BudgetStatus.CONFIRMED, DecisionRole.DECISION_MAKER));
        assertEquals(Grade.A, hot.grade());
        assertEquals("clear intent, confirmed budget, decision maker", hot.rule());
        assertEquals(Grade.B, rules.grade(in(Intent.HIGH, BudgetStatus.UNCONFIRMED, DecisionRole.DECISION_MAKER)).grade(),
                "budget unclear: B, not A (the first defaults said A: total 5)");
        assertEquals(Grade.B, rules.grade(in(Intent.HIGH, BudgetStatus.CONFIRMED, DecisionRole.UNKNOWN)).grade(),
                "decision maker not identified: B, not A (the first defaults said A)");
        assertEquals(Grade.B, rules.grade(in(Intent.HIGH, BudgetStatus.CONFIRMED, DecisionRole.INFLUENCER)).grade());
        assertEquals(Grade.B, rules.grade(in(Intent.MEDIUM, BudgetStatus.UNCONFIRMED, DecisionRole.UNKNOWN)).grade());
        assertEquals(Grade.B, rules.grade(in(Intent.MEDIUM, BudgetStatus.NONE, DecisionRole.UNKNOWN)).grade(), "intent, budget not clear");
        GradeResult cold = rules.grade(in(Intent.LOW, BudgetStatus.CONFIRMED, DecisionRole.DECISION_MAKER));
        assertEquals(Grade.C, cold.grade(), "interest only, however good the budget");
        assertEquals("no rule matched", cold.rule());
        assertEquals(Grade.C, rules.grade(in(Intent.LOW, BudgetStatus.NONE, DecisionRole.UNKNOWN)).grade());
    }

    @Test
    void theFirstShippedDefaultsStayVersionOneForTheLeadsTheyGraded() {
        GradingRules rules = GradingRules.firstShipped();
        assertEquals(1, rules.version());
        assertEquals(Grade.A, rules.grade(in(Intent.HIGH, BudgetStatus.CONFIRMED, DecisionRole.UNKNOWN)).grade());
        assertEquals(Grade.A, rules.grade(in(Intent.HIGH, BudgetStatus.UNCONFIRMED, DecisionRole.DECISION_MAKER)).grade());
        assertEquals(Grade.B, rules.grade(in(Intent.LOW, BudgetStatus.CONFIRMED, DecisionRole.INFLUENCER)).grade());
    }

    @Test
    void theFirstMatchingRuleWinsEvenIfALaterOneGradesHigher() {
        GradingRules rules = new GradingRules(3, List.of(
                new GradingRule("any decision maker is B", Grade.B, null, null, DecisionRole.DECISION_MAKER, null),
                new GradingRule("strong", Grade.A, null, null, null, 5)), Grade.C);
        GradeResult result = rules.grade(in(Intent.HIGH, BudgetStatus.CONFIRMED, DecisionRole.DECISION_MAKER));
        assertEquals(Grade.B, result.grade());
        assertEquals("any decision maker is B", result.rule());
        assertEquals(3, result.rulesVersion());
        assertEquals(Grade.A, rules.grade(in(Intent.HIGH, BudgetStatus.CONFIRMED, DecisionRole.INFLUENCER)).grade());
    }

    @Test
    void theExplanationNamesRuleConditionsVersionAndInputs() {
        GradeResult result = GradingRules.firstShipped().grade(in(Intent.HIGH, BudgetStatus.CONFIRMED, DecisionRole.INFLUENCER));
        assertEquals("rule 'high intent with a confirmed budget' (intent ≥ HIGH and budget ≥ CONFIRMED) of grading rules version 1;"
                + " intent HIGH (2), budget CONFIRMED (2), decision role INFLUENCER (1), total 5", result.explain());
    }

    @Test
    void badRuleSetsReportEveryProblemWithItsFieldPath() {
        List<GradingRule> rules = new ArrayList<>();
        rules.add(new GradingRule(" ", null, null, null, null, 7));
        rules.add(null);
        rules.add(new GradingRule("hot", Grade.A, Intent.HIGH, null, null, null));
        rules.add(new GradingRule("HOT", Grade.B, null, null, null, -1));
        List<String> fields = new GradingRules(0, rules, null).problems().stream().map(FieldError::field).toList();
        assertEquals(List.of("fallback", "rules[0].name", "rules[0].grade", "rules[0].minTotal", "rules[1]", "rules[3].minTotal",
                "rules[3].name"), fields);
        assertEquals(List.of("rules"), new GradingRules(0, List.of(), Grade.C).problems().stream().map(FieldError::field).toList());
        assertEquals(List.of("rules"), new GradingRules(0, null, Grade.C).problems().stream().map(FieldError::field).toList());
        List<GradingRule> tooMany = new ArrayList<>();
        for (int i = 0; i <= GradingRules.MAX_RULES; i++) {
            tooMany.add(new GradingRule("r" + i, Grade.B, null, null, null, null));
        }
        assertEquals(1, new GradingRules(0, tooMany, Grade.C).problems().size());
        assertTrue(GradingRules.plan().problems().isEmpty());
        assertTrue(GradingRules.firstShipped().problems().isEmpty());
    }
}
