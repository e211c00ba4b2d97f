package dev.pacesetter.kernel.internal.webhooks;

import java.time.Instant;

/** {@code POST /api/v1/webhooks/{id}/secret}: the new signing secret, shown this once. */
record RotatedSecret(long id, String secret, Instant rotatedAt) {
}
