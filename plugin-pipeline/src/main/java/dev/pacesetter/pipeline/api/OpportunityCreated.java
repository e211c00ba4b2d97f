package dev.pacesetter.pipeline.api;

import java.math.BigDecimal;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link PipelineTopics#OPPORTUNITY_CREATED}; {@code sourceLeadId} is set for a converted lead. */
@EventPayload(topic = PipelineTopics.OPPORTUNITY_CREATED, when = "an opportunity was opened (by hand or from a converted lead)", aggregate = "the opportunity")
public record OpportunityCreated(long opportunityId, long accountId, long ownerId, BigDecimal amount, String currency, Long sourceLeadId) {
}
