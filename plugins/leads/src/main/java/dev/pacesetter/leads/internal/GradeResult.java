package dev.pacesetter.leads.internal;

import dev.pacesetter.leads.api.Grade;

/** A grade and why: the rule that matched (or the fallback), the rules' version and the inputs. */
public record GradeResult(Grade grade, String rule, String ruleText, int rulesVersion, GradingInputs inputs) {
}
