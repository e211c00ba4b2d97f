package dev.pacesetter.kernel.internal.webhooks;

import java.time.Instant;
import java.util.List;

/** A subscription as administrators see it (and as the audit trail records it): never with its secret. */
record Webhook(long id, String url, List<String> topics, String description, boolean active, Instant createdAt, Instant updatedAt) {
}
