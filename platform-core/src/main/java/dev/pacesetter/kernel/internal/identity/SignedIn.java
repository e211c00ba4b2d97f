package dev.pacesetter.kernel.internal.identity;

import java.time.Instant;

/** What {@code POST /api/v1/auth/login} answers: the bearer token (shown this once), its expiry and its user. */
public record SignedIn(String token, String tokenType, Instant expiresAt, Me user) {
}
