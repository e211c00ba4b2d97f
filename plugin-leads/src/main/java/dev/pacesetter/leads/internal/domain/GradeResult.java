package dev.pacesetter.leads.internal.domain;

import dev.pacesetter.leads.api.Grade;

/** A grade and why: the rule that matched (or the fallback), the rules' version and the inputs. */
public record GradeResult(Grade grade, String rule, String ruleText, int rulesVersion, GradingInputs inputs) {

    /**
     * Why, in one line, for the lead's history: "rule 'high intent with a confirmed budget' (intent ≥ HIGH and budget ≥
     * CONFIRMED) of grading rules version 1; intent HIGH (2), budget CONFIRMED (2), decision role INFLUENCER (1), total 5".
     */
    public String explain() {
        return "rule '" + rule + "' (" + ruleText + ") of grading rules version " + rulesVersion + "; intent " + inputs.intent() + " ("
                + inputs.intent().score() + "), budget " + inputs.budget() + " (" + inputs.budget().score() + "), decision role "
                + inputs.decision() + " (" + inputs.decision().score() + "), total " + inputs.total();
    }
}
