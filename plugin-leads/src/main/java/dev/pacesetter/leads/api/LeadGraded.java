package dev.pacesetter.leads.api;

/**
 * Payload of {@link LeadTopics#GRADED}.
 *
 * @param previous null for the first grade
 * @param rule the rule that decided it
 */
public record LeadGraded(long leadId, long ownerId, Grade grade, Grade previous, String rule, int rulesVersion) {
}
