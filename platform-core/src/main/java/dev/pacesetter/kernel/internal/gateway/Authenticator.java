package dev.pacesetter.kernel.internal.gateway;

import java.util.Optional;

import dev.pacesetter.platform.api.security.Caller;

/** Turns a bearer token into the caller it belongs to; empty for unknown, expired or revoked tokens. */
public interface Authenticator {

    Optional<Caller> authenticate(String bearerToken);
}
