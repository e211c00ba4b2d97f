package dev.pacesetter.kernel.internal.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;

/** Administrators manage users; HR reads them. Users are deactivated, never deleted, so history stays valid. */
public final class UserRoutes implements RouteProvider {

    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

    /** Body of {@code POST /users}; ids, activity and timestamps are not the client's to set. */
    public record NewUser(String username, String displayName, String password, Set<Role> roles) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", roles=" + roles + "]";
        }
    }

    private final IdentityStore store;
    private final TokenAuthenticator authenticator;
    private final PasswordHasher hasher;
    private final Clock clock;

    UserRoutes(IdentityStore store, TokenAuthenticator authenticator, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.authenticator = authenticator;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/users", request -> Reply.ok(Map.of("items", store.users()))).roles(Role.ADMIN, Role.HR)
                        .summary("Every user, active or not"),
                Route.get("/users/{id}", request -> Reply.ok(store.user(request.pathId("id"))
                        .orElseThrow(() -> ApiException.notFound("No user " + request.pathParam("id") + ".")))).roles(Role.ADMIN, Role.HR),
                Route.post("/users", this::create).roles(Role.ADMIN).summary("Create a user with roles"),
                Route.post("/users/{id}/deactivate", this::deactivate).roles(Role.ADMIN)
                        .summary("Deactivate a user: sign-in and every token stop working at once"));
    }

    private Reply create(ApiRequest request) {
        NewUser input = request.body(NewUser.class);
        new Validation()
                .require(input.username() != null && USERNAME.matcher(input.username()).matches(), "username",
                        "must be 3-60 lower-case letters, digits, dots, dashes or underscores")
                .require(input.displayName() != null && !input.displayName().isBlank() && input.displayName().length() <= 100,
                        "displayName", "is required, at most 100 characters")
                .require(input.password() != null && input.password().length() >= MIN_PASSWORD, "password",
                        "must have at least " + MIN_PASSWORD + " characters")
                .require(input.roles() != null && !input.roles().isEmpty(), "roles", "must name at least one role")
                .orThrow();
        if (store.userByName(input.username()).isPresent()) {
            throw ApiException.conflict("username_taken", "User name '" + input.username() + "' is taken.", Map.of("field", "username"));
        }
        long id;
        try {
            id = store.createUser(input.username(), input.displayName().trim(), hasher.hash(input.password().toCharArray()),
                    EnumSet.copyOf(input.roles()), clock.instant());
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) { // lost a race with an identical request
                throw ApiException.conflict("username_taken", "User name '" + input.username() + "' is taken.", Map.of("field", "username"));
            }
            throw e;
        }
        return Reply.created("/api/v1/users/" + id, store.user(id).orElseThrow());
    }

    private Reply deactivate(ApiRequest request) {
        long id = request.pathId("id");
        if (request.caller().orElseThrow().userId() == id) {
            throw ApiException.conflict("cannot_deactivate_self", "You cannot deactivate yourself; ask another administrator.", null);
        }
        if (!store.deactivate(id, clock.instant())) {
            throw ApiException.notFound("No user " + id + ".");
        }
        authenticator.forgetUser(id);
        return Reply.noContent();
    }
}
