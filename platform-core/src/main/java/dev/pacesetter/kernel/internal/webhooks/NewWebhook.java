package dev.pacesetter.kernel.internal.webhooks;

import java.time.Instant;
import java.util.List;

/** A webhook as {@code POST /api/v1/webhooks} answers it: with its signing secret, shown this once. */
record NewWebhook(long id, String url, List<String> topics, String description, boolean active, Instant createdAt, Instant updatedAt,
        String secret) {

    static NewWebhook of(Webhook webhook, String secret) {
        return new NewWebhook(webhook.id(), webhook.url(), webhook.topics(), webhook.description(), webhook.active(), webhook.createdAt(),
                webhook.updatedAt(), secret);
    }
}
