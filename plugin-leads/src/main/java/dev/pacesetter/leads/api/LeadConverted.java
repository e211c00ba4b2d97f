package dev.pacesetter.leads.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * Payload of {@link LeadTopics#CONVERTED}: everything the pipeline needs to open an account with its contact
 * and an opportunity. Published once per lead (converting twice is refused).
 *
 * @param accountName the company, or the person when the lead has no company
 * @param opportunityName what the converting user called the deal
 * @param amount the expected deal size if given at conversion, else the lead's budget; may be null
 * @param currency ISO 4217 code of {@code amount}
 */
@EventPayload(topic = LeadTopics.CONVERTED, when = "a qualified lead became an account and an opportunity", aggregate = "the lead")
public record LeadConverted(long leadId, String externalId, String accountName, String contactName, String email, String phone,
        long ownerId, Long regionId, Long channelId, Grade grade, List<String> tags, String opportunityName, BigDecimal amount,
        String currency, Instant convertedAt) {
}
