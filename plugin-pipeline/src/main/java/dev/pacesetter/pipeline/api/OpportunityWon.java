package dev.pacesetter.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Payload of {@link PipelineTopics#WON}: what incentives need to pay commissions and split bonus pools. */
public record OpportunityWon(long opportunityId, long accountId, long ownerId, BigDecimal amount, String currency, String product,
        List<Contribution> contributions, Long sourceLeadId, Instant wonAt) {
}
