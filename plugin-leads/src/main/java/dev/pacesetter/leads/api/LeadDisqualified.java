package dev.pacesetter.leads.api;

/** Payload of {@link LeadTopics#DISQUALIFIED}. */
public record LeadDisqualified(long leadId, long ownerId, String reason) {
}
