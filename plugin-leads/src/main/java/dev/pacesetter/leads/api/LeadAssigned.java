package dev.pacesetter.leads.api;

/** Payload of {@link LeadTopics#ASSIGNED}; {@code fromOwnerId} is null for the first owner. */
public record LeadAssigned(long leadId, Long fromOwnerId, long toOwnerId, String reason) {
}
