package dev.pacesetter.kernel.internal.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.org.OrgTopics;
import dev.pacesetter.platform.api.security.RowScope;

/**
 * Users. Administrators manage them; everyone reads the users in their scope (a rep: themselves; a
 * manager: their teams and regions; HR and administrators: everyone). Users are deactivated, never
 * deleted, so history that names them stays valid.
 */
public final class UserRoutes implements RouteProvider {

    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    /** A plain mailbox address (no display name, no comments): what notification e-mails are sent to. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** Body of {@code POST /users}; ids, activity and timestamps are not the client's to set. {@code language} absent: the default. */
    public record NewUser(String username, String displayName, String password, Set<Role> roles, Long teamId, Long regionId, String email,
            String language, java.time.LocalDate hireDate) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", roles=" + roles + ", teamId=" + teamId + ", regionId=" + regionId + "]";
        }
    }

    /**
     * Body of {@code PUT /users/{id}}: the user name and password are not changed here. {@code email}
     * absent or null keeps the address (clients written before it existed do not erase it), {@code ""}
     * removes it. {@code regionId} (for a user in no team) absent or null keeps the assigned region. {@code language}
     * ({@code zh-CN} or {@code en}) absent or null keeps the user's language.
     */
    public record UserUpdate(String displayName, Set<Role> roles, Long teamId, Long regionId, String email, String language,
            java.time.LocalDate hireDate) {
    }

    private final ModuleDatabase db;
    private final TokenAuthenticator authenticator;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Language defaultLanguage;

    private final OrgEvents events;

    UserRoutes(ModuleDatabase db, TokenAuthenticator authenticator, PasswordHasher hasher, Clock clock, Language defaultLanguage, OrgEvents events) {
        this.events = events;
        this.defaultLanguage = defaultLanguage;
        this.db = db;
        this.authenticator = authenticator;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/users", request -> Reply.ok(Map.of("items", db.inTransaction(c -> IdentityStore.users(c, scope(request)))
                        .stream().map(this::shown).toList())))
                        .returnsItems(IdentityStore.UserView.class).summary("The users in your scope, active or not"),
                Route.get("/users/{id}", request -> Reply.ok(visibleUser(request, request.pathId("id")))).returns(IdentityStore.UserView.class),
                Route.post("/users", this::create).body(NewUser.class).returns(IdentityStore.UserView.class).roles(Role.ADMIN).summary("Create a user with roles, in a team or assigned to a region"),
                Route.put("/users/{id}", this::update).body(UserUpdate.class).returns(IdentityStore.UserView.class).roles(Role.ADMIN).summary("Change a user's display name, roles, team and region"),
                Route.post("/users/{id}/deactivate", request -> setActive(request, false)).withoutBody().roles(Role.ADMIN)
                        .summary("Deactivate a user: sign-in and every token stop working at once"),
                Route.post("/users/{id}/reactivate", request -> setActive(request, true)).withoutBody().returns(IdentityStore.UserView.class).roles(Role.ADMIN)
                        .summary("Let a deactivated user sign in again (their old tokens stay revoked)"));
    }

    private Reply create(ApiRequest request) {
        NewUser input = request.body(NewUser.class);
        new Validation()
                .require(input.username() != null && USERNAME.matcher(input.username()).matches(), "username",
                        Message.of("field.username"))
                .require(validName(input.displayName()), "displayName", Message.of("field.required.max_length", 100))
                .require(input.password() != null && input.password().length() >= MIN_PASSWORD, "password",
                        Message.of("field.password.min_length", MIN_PASSWORD))
                .require(input.roles() != null && !input.roles().isEmpty(), "roles", Message.of("field.roles"))
                .require(input.email() == null || input.email().isBlank() || validEmail(input.email()), "email", Message.of("field.email"))
                .require(input.language() == null || Language.fromTag(input.language()).isPresent(), "language", Message.of("field.language"))
                .orThrow();
        String email = input.email() == null || input.email().isBlank() ? null : input.email().trim();
        String hash = hasher.hash(input.password().toCharArray()); // slow: outside the transaction
        IdentityStore.UserView created;
        try {
            created = db.inTransaction(c -> {
                if (IdentityStore.user(c, input.username()).isPresent()) {
                    throw taken(input.username());
                }
                requireTeamAndRegion(c, input.teamId(), input.regionId());
                long id = IdentityStore.createUser(c, input.username(), input.displayName().trim(), hash, EnumSet.copyOf(input.roles()),
                        input.teamId(), email, clock.instant());
                if (input.regionId() != null) {
                    IdentityStore.setRegion(c, id, input.regionId());
                }
                if (input.language() != null) {
                    IdentityStore.setLanguage(c, id, Language.fromTag(input.language()).orElseThrow());
                }
                if (input.hireDate() != null) {
                    IdentityStore.setHireDate(c, id, input.hireDate());
                }
                IdentityStore.UserView user = IdentityStore.user(c, id, RowScope.all(id)).orElseThrow();
                db.audit(c, AuditRecord.of(request, "users", id, "create").after(user));
                events.person(c, OrgTopics.USER_CREATED, id, null, null);
                return user;
            });
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) { // lost a race with an identical request
                throw taken(input.username());
            }
            throw e;
        }
        return Reply.created("/api/v1/users/" + created.id(), shown(created));
    }

    private Reply update(ApiRequest request) {
        long id = request.pathId("id");
        UserUpdate input = request.body(UserUpdate.class);
        new Validation()
                .require(validName(input.displayName()), "displayName", Message.of("field.required.max_length", 100))
                .require(input.roles() != null && !input.roles().isEmpty(), "roles", Message.of("field.roles"))
                .require(input.email() == null || input.email().isBlank() || validEmail(input.email()), "email", Message.of("field.email"))
                .require(input.language() == null || Language.fromTag(input.language()).isPresent(), "language", Message.of("field.language"))
                .orThrow();
        long self = request.caller().orElseThrow().userId();
        if (id == self && !input.roles().contains(Role.ADMIN)) {
            throw ApiException.conflict("cannot_demote_self", Message.of("error.cannot_demote_self"), null);
        }
        IdentityStore.UserView updated = db.inTransaction(c -> {
            IdentityStore.UserView before = IdentityStore.user(c, id, RowScope.all(self)).orElseThrow(() -> ApiException.notFound(Message.of("error.user.not_found", id)));
            requireTeamAndRegion(c, input.teamId(), input.regionId());
            IdentityStore.updateUser(c, id, input.displayName().trim(), input.teamId(), EnumSet.copyOf(input.roles()));
            if (input.regionId() != null) {
                IdentityStore.setRegion(c, id, input.regionId());
            }
            if (input.email() != null) {
                IdentityStore.setEmail(c, id, input.email().isBlank() ? null : input.email().trim());
            }
            if (input.language() != null) {
                IdentityStore.setLanguage(c, id, Language.fromTag(input.language()).orElseThrow());
            }
            if (input.hireDate() != null) {
                IdentityStore.setHireDate(c, id, input.hireDate());
            }
            IdentityStore.UserView after = IdentityStore.user(c, id, RowScope.all(self)).orElseThrow();
            db.audit(c, AuditRecord.of(request, "users", id, "update").before(before).after(after));
            boolean moved = !java.util.Objects.equals(before.teamId(), after.teamId()) || !java.util.Objects.equals(before.regionId(), after.regionId());
            events.person(c, moved ? OrgTopics.USER_MOVED : OrgTopics.USER_CHANGED, id, before.teamId(), before.regionId());
            return after;
        });
        authenticator.forgetAll(); // roles and teams shape every caller's scope
        return Reply.ok(shown(updated));
    }

    private Reply setActive(ApiRequest request, boolean active) {
        long id = request.pathId("id");
        long self = request.caller().orElseThrow().userId();
        if (!active && self == id) {
            throw ApiException.conflict("cannot_deactivate_self", Message.of("error.cannot_deactivate_self"), null);
        }
        IdentityStore.UserView after = db.inTransaction(c -> {
            IdentityStore.UserView before = IdentityStore.user(c, id, RowScope.all(self)).orElseThrow(() -> ApiException.notFound(Message.of("error.user.not_found", id)));
            IdentityStore.setActive(c, id, active, clock.instant());
            IdentityStore.UserView changed = IdentityStore.user(c, id, RowScope.all(self)).orElseThrow();
            db.audit(c, AuditRecord.of(request, "users", id, active ? "reactivate" : "deactivate").before(before).after(changed));
            if (before.active() != active) {
                events.person(c, active ? OrgTopics.USER_REACTIVATED : OrgTopics.USER_DEACTIVATED, id, before.teamId(), before.regionId());
            }
            return changed;
        });
        authenticator.forgetUser(id);
        return active ? Reply.ok(shown(after)) : Reply.noContent();
    }

    private IdentityStore.UserView visibleUser(ApiRequest request, long id) {
        // out of scope answers exactly like a user that does not exist
        return db.inTransaction(c -> IdentityStore.user(c, id, scope(request))).map(this::shown)
                .orElseThrow(() -> ApiException.notFound(Message.of("error.user.not_found", id)));
    }

    private IdentityStore.UserView shown(IdentityStore.UserView user) {
        return user.withLanguageOr(defaultLanguage);
    }

    private static RowScope scope(ApiRequest request) {
        return request.caller().orElseThrow().scope();
    }

    /** The team exists; the region exists and, for a team member, is the team's (a member's region is always the team's). */
    private static void requireTeamAndRegion(Connection c, Long teamId, Long regionId) throws SQLException {
        List<FieldError> errors = new java.util.ArrayList<>();
        Optional<OrganisationStore.Team> team = teamId == null ? Optional.empty() : OrganisationStore.team(c, teamId);
        if (teamId != null && team.isEmpty()) {
            errors.add(new FieldError("teamId", Message.of("field.team.unknown", teamId)));
        }
        if (regionId != null && OrganisationStore.region(c, regionId).isEmpty()) {
            errors.add(new FieldError("regionId", Message.of("field.region.unknown", regionId)));
        } else if (regionId != null && team.isPresent() && team.get().regionId() != regionId) {
            errors.add(new FieldError("regionId", Message.of("field.region.of_team", team.get().regionId(), regionId)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
    }

    private static ApiException taken(String username) {
        return ApiException.conflict("username_taken", Message.of("error.username_taken", username), Map.of("field", "username"));
    }

    private static final String EMAIL_RULE = "must be an e-mail address such as wei.zhang@example.com (at most 254 characters), or \"\" for none";

    static boolean validEmail(String email) {
        String trimmed = email.trim();
        return trimmed.length() <= 254 && EMAIL.matcher(trimmed).matches();
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.trim().length() <= 100;
    }
}
