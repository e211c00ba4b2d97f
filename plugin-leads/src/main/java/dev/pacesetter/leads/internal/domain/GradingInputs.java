package dev.pacesetter.leads.internal.domain;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;

/** The three dimensions a lead is graded on. */
public record GradingInputs(Intent intent, BudgetStatus budget, DecisionRole decision) {

    public int total() {
        return intent.score() + budget.score() + decision.score();
    }
}
