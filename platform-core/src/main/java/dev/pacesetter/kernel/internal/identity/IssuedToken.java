package dev.pacesetter.kernel.internal.identity;

import java.time.Instant;

/** A new API token as {@code POST /api/v1/tokens} answers it: the only time {@code token} itself is shown. */
public record IssuedToken(long id, String name, String token, Instant createdAt, Instant expiresAt) {
}
