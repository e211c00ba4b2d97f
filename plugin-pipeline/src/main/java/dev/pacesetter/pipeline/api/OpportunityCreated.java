package dev.pacesetter.pipeline.api;

import java.math.BigDecimal;

/** Payload of {@link PipelineTopics#OPPORTUNITY_CREATED}; {@code sourceLeadId} is set for a converted lead. */
public record OpportunityCreated(long opportunityId, long accountId, long ownerId, BigDecimal amount, String currency, Long sourceLeadId) {
}
