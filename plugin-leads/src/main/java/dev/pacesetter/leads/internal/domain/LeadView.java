package dev.pacesetter.leads.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.api.LeadStatus;

import dev.pacesetter.platform.api.money.Money;

/** A lead as the API shows it, with its grade and why. */
public record LeadView(long id, String externalId, String personName, String company, String phone, String email, Long channelId,
        List<String> tags, Intent intent, BudgetStatus budgetStatus, Money budget, DecisionRole decisionRole, Grade grade,
        GradeExplanation gradeExplanation, long ownerId, Long regionId, String territory, LeadStatus status, String disqualifyReason,
        Instant createdAt, Instant updatedAt, Instant firstTouchAt, Instant lastTouchAt, Instant convertedAt, int version) {

    /** Which rule of which rule-set version gave the grade, from which scores. */
    public record GradeExplanation(String rule, int rulesVersion, Map<String, Integer> scores, int total) {
    }

    /** The same lead with the grading rule's name as the reader reads it. */
    public LeadView withGradeRule(String rule) {
        GradeExplanation why = gradeExplanation == null ? null
                : new GradeExplanation(rule, gradeExplanation.rulesVersion(), gradeExplanation.scores(), gradeExplanation.total());
        return new LeadView(id, externalId, personName, company, phone, email, channelId, tags, intent, budgetStatus, budget, decisionRole,
                grade, why, ownerId, regionId, territory, status, disqualifyReason, createdAt, updatedAt, firstTouchAt,
                lastTouchAt, convertedAt, version);
    }

    public LeadView withTags(List<String> names) {
        return new LeadView(id, externalId, personName, company, phone, email, channelId, names, intent, budgetStatus, budget, decisionRole,
                grade, gradeExplanation, ownerId, regionId, territory, status, disqualifyReason, createdAt, updatedAt, firstTouchAt,
                lastTouchAt, convertedAt, version);
    }
}
