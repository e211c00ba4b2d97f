package dev.pacesetter.leads.internal.domain;

import java.util.List;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;

import dev.pacesetter.platform.api.money.Money;

/**
 * A lead as a client sends it (REST, web form, one CSV row). Grading dimensions left out count as the lowest
 * (LOW, NONE, UNKNOWN); without an owner, assignment rules pick one.
 *
 * @param tags names from the shared vocabulary ({@code /api/v1/lead-tags})
 */
public record LeadInput(String externalId, String personName, String company, String phone, String email, Long channelId, List<String> tags,
        Intent intent, BudgetStatus budgetStatus, Money budget, DecisionRole decisionRole, Long ownerId, String territory) {

    public Intent intentOrDefault() {
        return intent == null ? Intent.LOW : intent;
    }

    public BudgetStatus budgetOrDefault() {
        return budgetStatus == null ? BudgetStatus.NONE : budgetStatus;
    }

    public DecisionRole decisionOrDefault() {
        return decisionRole == null ? DecisionRole.UNKNOWN : decisionRole;
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public GradingInputs gradingInputs() {
        return new GradingInputs(intentOrDefault(), budgetOrDefault(), decisionOrDefault());
    }
}
