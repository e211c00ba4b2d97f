package dev.pacesetter.kernel.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;

/** Sign-in, sign-out, the caller's own profile and API tokens. Part of the platform module. */
public final class IdentityRoutes implements RouteProvider {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityRoutes.class);

    private final Duration sessionTtl;
    private static final int MAX_TOKEN_DAYS = 366;

    /** Body of {@code POST /auth/login}. */
    public record LoginInput(String username, String password) {
        @Override
        public String toString() {
            return "LoginInput[username=" + username + "]"; // never the password, not even in a debugger or a log
        }
    }

    /** Body of {@code POST /tokens}. */
    public record TokenInput(String name, Integer expiresInDays) {
    }

    private final IdentityStore store;
    private final ModuleDatabase db;
    private final TokenAuthenticator authenticator;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** What unknown user names are checked against: as slow as a real user's hash (see PasswordHasher#unmatchable). */
    private final String unknownUserHash;
    private final CompletableFuture<Void> adminReady;

    IdentityRoutes(IdentityStore store, ModuleDatabase db, TokenAuthenticator authenticator, PasswordHasher hasher, LoginThrottle throttle,
            Clock clock, CompletableFuture<Void> adminReady, Duration sessionTtl) {
        this.sessionTtl = sessionTtl;
        this.db = db;
        this.adminReady = adminReady;
        this.store = store;
        this.authenticator = authenticator;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.unknownUserHash = hasher.unmatchable();
    }

    /** Whether sign-in works: the first administrator exists. */
    boolean ready() {
        return adminReady.isDone() && !adminReady.isCompletedExceptionally();
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/auth/login", this::login).body(LoginInput.class).returns(SignedIn.class).publicAccess().summary("Sign in: returns a bearer token and its expiry"),
                Route.post("/auth/logout", this::logout).withoutBody().summary("Revoke the token of this request"),
                Route.get("/me", request -> Reply.ok(Me.of(request.caller().orElseThrow()))).returns(Me.class).summary("Who am I"),
                Route.get("/tokens", this::listTokens).returnsItems(IdentityStore.TokenInfo.class).summary("My API tokens (never the tokens themselves)"),
                Route.post("/tokens", this::createToken).body(TokenInput.class).returns(IssuedToken.class).summary("Create an API token; it is shown once"),
                Route.delete("/tokens/{id}", this::revokeToken).summary("Revoke one of my API tokens"));
    }

    private Reply login(ApiRequest request) {
        LoginInput input = request.body(LoginInput.class);
        new Validation()
                .require(input.username() != null && !input.username().isBlank(), "username", Message.of("field.required"))
                .require(input.password() != null && !input.password().isEmpty(), "password", Message.of("field.required"))
                .orThrow();
        if (!ready()) {
            throw new ApiException(503, "not_ready", Message.of("error.not_ready.first_admin"),
                    Map.of("retryAfterSeconds", 1));
        }
        String address = request.clientAddress();
        Optional<Duration> wait = throttle.waitFor(input.username(), address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ApiException(429, "too_many_attempts", Message.of("error.too_many_attempts", seconds),
                    Map.of("retryAfterSeconds", seconds));
        }
        Optional<IdentityStore.StoredUser> user = store.userByName(input.username());
        // an unknown name costs as much as a wrong password, so timing does not reveal which names exist
        boolean valid = hasher.verify(input.password().toCharArray(), user.map(IdentityStore.StoredUser::passwordHash).orElse(unknownUserHash))
                && user.isPresent() && user.get().active();
        if (!valid) {
            throttle.failed(input.username(), address);
            throw new ApiException(401, "invalid_credentials", Message.of("error.invalid_credentials"), null);
        }
        throttle.succeeded(input.username(), address);
        Instant now = clock.instant();
        Instant expires = now.plus(sessionTtl);
        String token = Tokens.issue(Tokens.Kind.SESSION);
        Caller caller = user.get().caller();
        String storedHash = user.get().passwordHash();
        // the clear password is only here, at sign-in: the moment to move an old-format or weaker hash to the current one
        String upgraded = hasher.needsUpgrade(storedHash) ? hasher.hash(input.password().toCharArray()) : null;
        db.inTransaction(c -> {
            if (upgraded != null && IdentityStore.upgradePasswordHash(c, caller.userId(), storedHash, upgraded)) {
                LOG.info("Password hash of user {} upgraded to Argon2id", caller.userId());
            }
            long id = IdentityStore.insertToken(c, caller.userId(), Tokens.Kind.SESSION, Tokens.digest(token), "sign-in", now, expires);
            db.audit(c, AuditRecord.of(request, "auth", caller.userId(), "sign_in").by(caller).after(Map.of("sessionId", id, "expiresAt", expires,
                    "clientAddress", address)));
            return id;
        });
        return Reply.ok(new SignedIn(token, "Bearer", expires, Me.of(caller)));
    }

    private Reply logout(ApiRequest request) {
        String token = bearer(request);
        String digest = Tokens.digest(token);
        db.inTransaction(c -> {
            IdentityStore.revokeDigest(c, digest, clock.instant());
            db.audit(c, AuditRecord.of(request, "auth", request.caller().orElseThrow().userId(), "sign_out"));
            return null;
        });
        authenticator.forget(digest);
        return Reply.noContent();
    }

    private Reply listTokens(ApiRequest request) {
        return Reply.ok(Map.of("items", store.apiTokensOf(request.caller().orElseThrow().userId())));
    }

    private Reply createToken(ApiRequest request) {
        TokenInput input = request.body(TokenInput.class);
        new Validation()
                .require(input.name() != null && !input.name().isBlank() && input.name().length() <= 100, "name",
                        Message.of("field.required.max_length", 100))
                .require(input.expiresInDays() == null || (input.expiresInDays() >= 1 && input.expiresInDays() <= MAX_TOKEN_DAYS),
                        "expiresInDays", Message.of("field.int_range", 1, MAX_TOKEN_DAYS))
                .orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        Instant expires = input.expiresInDays() == null ? null : now.plus(Duration.ofDays(input.expiresInDays()));
        String token = Tokens.issue(Tokens.Kind.API);
        String name = input.name().trim();
        long id = db.inTransaction(c -> {
            long created = IdentityStore.insertToken(c, caller.userId(), Tokens.Kind.API, Tokens.digest(token), name, now, expires);
            db.audit(c, AuditRecord.of(request, "tokens", created, "create").after(new IdentityStore.TokenInfo(created, name, "API", now, expires,
                    null)));
            return created;
        });
        return Reply.created("/api/v1/tokens/" + id, new IssuedToken(id, name, token, now, expires));
    }

    private Reply revokeToken(ApiRequest request) {
        long id = request.pathId("id");
        String digest = db.inTransaction(c -> {
            Optional<String> revoked = IdentityStore.revokeApiToken(c, id, request.caller().orElseThrow().userId(), clock.instant());
            if (revoked.isPresent()) {
                db.audit(c, AuditRecord.of(request, "tokens", id, "revoke"));
            }
            return revoked;
        }).orElseThrow(() -> ApiException.notFound(Message.of("error.token.not_found", id)));
        authenticator.forget(digest);
        return Reply.noContent();
    }

    private static String bearer(ApiRequest request) {
        return request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).orElseThrow(() -> new ApiException(401, "unauthenticated", Message.of("error.unauthenticated.no_token"), null));
    }
}
