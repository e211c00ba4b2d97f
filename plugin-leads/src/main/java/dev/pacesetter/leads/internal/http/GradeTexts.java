package dev.pacesetter.leads.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pacesetter.leads.internal.domain.GradingRule;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * Grading rules in words for people: a rule's conditions ("意向 ≥ 高，且预算 ≥ 已确认" / "intent ≥ HIGH and budget ≥
 * CONFIRMED") and the names of the shipped default rules, which are stored in English (rules an administrator
 * named read as typed).
 */
final class GradeTexts {

    /** The shipped defaults' stored names (versions 1 and 2) and their messages. */
    private static final Map<String, String> SHIPPED = Map.of(
            "clear intent, confirmed budget, decision maker", "grading.plan.A",
            "intent, budget or decision maker still open", "grading.plan.B",
            "high intent with a confirmed budget", "grading.v1.high-confirmed",
            "strong on all three", "grading.v1.strong",
            "interested with a budget in view", "grading.v1.interested",
            "middling overall", "grading.v1.middling");

    private final Messages messages;
    private final Language language;

    GradeTexts(Messages messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    /** A rule's name as the reader reads it. */
    String name(String stored) {
        String key = stored == null ? null : SHIPPED.get(stored);
        return key == null ? stored : messages.render(Message.of(key), language);
    }

    /** A rule's conditions in words. */
    String conditions(GradingRule rule) {
        return messages.render(conditionsOf(rule), language);
    }

    static Message conditionsOf(GradingRule rule) {
        List<Message> parts = new ArrayList<>();
        if (rule.minIntent() != null) {
            parts.add(Message.of("grading.cond.intent", Message.of("intent." + rule.minIntent().name())));
        }
        if (rule.minBudget() != null) {
            parts.add(Message.of("grading.cond.budget", Message.of("budget." + rule.minBudget().name())));
        }
        if (rule.minDecision() != null) {
            parts.add(Message.of("grading.cond.decision", Message.of("decision." + rule.minDecision().name())));
        }
        if (rule.minTotal() != null) {
            parts.add(Message.of("grading.cond.total", rule.minTotal()));
        }
        if (parts.isEmpty()) {
            return Message.of("grading.cond.always");
        }
        Message all = parts.get(0);
        for (Message part : parts.subList(1, parts.size())) {
            all = Message.of("grading.cond.and", all, part);
        }
        return all;
    }

    /** The lead with the name of the rule that graded it as the reader reads it (a shipped default's, translated). */
    LeadView lead(LeadView lead) {
        return lead.gradeExplanation() == null ? lead : lead.withGradeRule(name(lead.gradeExplanation().rule()));
    }

    GradingRuleRoutes.RuleView view(GradingRuleRoutes.RuleView rule, GradingRule source) {
        return new GradingRuleRoutes.RuleView(name(rule.name()), rule.grade(), rule.minIntent(), rule.minBudget(), rule.minDecision(),
                rule.minTotal(), conditions(source));
    }
}
