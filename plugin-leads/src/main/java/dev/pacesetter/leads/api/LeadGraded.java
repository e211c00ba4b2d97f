package dev.pacesetter.leads.api;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * Payload of {@link LeadTopics#GRADED}.
 *
 * @param previous null for the first grade
 * @param rule the rule that decided it
 */
@EventPayload(topic = LeadTopics.GRADED, when = "an edit gave a lead a grade different from its previous one (its first grade is in lead.created)", aggregate = "the lead")
public record LeadGraded(long leadId, long ownerId, Grade grade, Grade previous, String rule, int rulesVersion) {
}
