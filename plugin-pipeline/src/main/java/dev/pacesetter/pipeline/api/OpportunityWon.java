package dev.pacesetter.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.pacesetter.platform.api.events.EventPayload;

/** Payload of {@link PipelineTopics#WON}: what incentives need to pay commissions and split bonus pools. */
@EventPayload(topic = PipelineTopics.WON, when = "an opportunity was won: amount, owner, supporters and their weights", aggregate = "the opportunity")
public record OpportunityWon(long opportunityId, long accountId, long ownerId, BigDecimal amount, String currency, String product,
        List<Contribution> contributions, Long sourceLeadId, Instant wonAt) {
}
