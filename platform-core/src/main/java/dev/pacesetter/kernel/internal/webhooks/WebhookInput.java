package dev.pacesetter.kernel.internal.webhooks;

import java.util.List;

/**
 * Body of {@code POST /webhooks} (url and topics required) and {@code PUT /webhooks/{id}} (every field
 * optional: what is sent changes, what is left out stays).
 *
 * @param active false pauses the webhook: no deliveries are created or sent for it until it is resumed
 */
public record WebhookInput(String url, List<String> topics, String description, Boolean active) {
}
