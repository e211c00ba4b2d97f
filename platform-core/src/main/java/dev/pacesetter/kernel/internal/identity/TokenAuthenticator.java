package dev.pacesetter.kernel.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.pacesetter.kernel.internal.gateway.Authenticator;
import dev.pacesetter.platform.api.security.Caller;

/**
 * Resolves bearer tokens to callers. A verified token is remembered for at most {@link #CACHE_TTL}
 * (never past its expiry), so a request costs one hash and one map lookup, not a database round trip;
 * revocation on this node takes effect at once, on other nodes within the TTL.
 */
public final class TokenAuthenticator implements Authenticator {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 50_000;

    private record Cached(Caller caller, Instant validUntil) {
    }

    private final IdentityStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    TokenAuthenticator(IdentityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        String digest = Tokens.digest(token);
        Instant now = clock.instant();
        Cached cached = cache.get(digest);
        if (cached != null && now.isBefore(cached.validUntil())) {
            return Optional.of(cached.caller());
        }
        Optional<IdentityStore.Session> session = store.sessionByDigest(digest, now);
        if (session.isPresent()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            Instant until = now.plus(CACHE_TTL);
            Instant expiry = session.get().expiresAt();
            cache.put(digest, new Cached(session.get().caller(), expiry != null && expiry.isBefore(until) ? expiry : until));
        } else {
            cache.remove(digest);
        }
        return session.map(IdentityStore.Session::caller);
    }

    /** Forgets every token of a user at once (deactivation). */
    void forgetUser(long userId) {
        cache.values().removeIf(c -> c.caller().userId() == userId);
    }

    /** Forgets every token at once (the organisation changed: teams, managers, roles shape every scope). */
    public void forgetAll() {
        cache.clear();
    }

    /** Forgets a token at once (logout, revocation). */
    void forget(String digest) {
        cache.remove(digest);
    }
}
