package dev.pacesetter.kernel.internal.permissions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.security.Permission;

/**
 * The permissions the running modules declare, and who holds each: administrators list them, choose the roles that
 * hold one (or go back to its default roles) and grant one to users by name; every change is audited and applies to
 * the next request on this node (other nodes: within the sign-in cache's 30 seconds). {@code GET /me/permissions}
 * tells any caller what they hold, so that the console shows only what they may use.
 */
public final class PermissionRoutes implements RouteProvider {

    /** Body of {@code PUT /permissions/{permission}/roles}. */
    public record RolesInput(List<Role> roles) {
    }

    /** A permission as administrators see it. */
    public record PermissionView(String id, String module, String title, List<Role> defaultRoles, List<Role> roles,
            boolean customised, List<Long> userIds) {
    }

    private final PermissionCatalogue catalogue;
    private final ModuleDatabase platformDb;
    private final MessageCatalogs catalogs;
    private final Clock clock;
    private final Runnable decisionsChanged;

    /** @param decisionsChanged called after each committed change (the sign-in cache forgets every caller) */
    public PermissionRoutes(PermissionCatalogue catalogue, ModuleDatabase platformDb, MessageCatalogs catalogs, Clock clock,
            Runnable decisionsChanged) {
        this.catalogue = catalogue;
        this.platformDb = platformDb;
        this.catalogs = catalogs;
        this.clock = clock;
        this.decisionsChanged = decisionsChanged;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/permissions", this::list).returnsItems(PermissionView.class).roles(Role.ADMIN)
                        .summary("Every permission the running modules declare, its default roles, the roles and users that hold it"),
                Route.put("/permissions/{permission}/roles", this::chooseRoles).body(RolesInput.class).returns(PermissionView.class).roles(Role.ADMIN)
                        .summary("Choose the roles that hold a permission instead of its default roles (administrators always hold it)"),
                Route.delete("/permissions/{permission}/roles", this::restoreDefaults).withoutBody().returns(PermissionView.class).roles(Role.ADMIN)
                        .summary("Give a permission back to its default roles"),
                Route.put("/permissions/{permission}/users/{userId}", this::grant).withoutBody().returns(PermissionView.class).roles(Role.ADMIN)
                        .summary("Grant a permission to one user by name, whatever their roles"),
                Route.delete("/permissions/{permission}/users/{userId}", this::revoke).withoutBody().returns(PermissionView.class).roles(Role.ADMIN)
                        .summary("Take back a permission granted to one user by name"),
                Route.get("/me/permissions", this::mine)
                        .summary("The ids of the permissions you hold, of the modules running now"));
    }

    private Reply list(ApiRequest request) {
        return platformDb.inTransaction(c -> {
            Map<String, Set<Role>> chosen = PermissionGrants.chosenRoles(c);
            Map<String, Set<Long>> users = PermissionGrants.namedUsers(c);
            List<PermissionView> items = new ArrayList<>();
            for (PermissionCatalogue.Declared d : catalogue.all()) {
                String id = d.permission().id();
                items.add(view(d, chosen.get(id), users.getOrDefault(id, Set.of()), request.language()));
            }
            return Reply.ok(Map.of("items", items));
        });
    }

    private Reply chooseRoles(ApiRequest request) {
        PermissionCatalogue.Declared declared = known(request);
        RolesInput input = request.body(RolesInput.class);
        new Validation().require(input.roles() != null && input.roles().stream().allMatch(r -> r != null), "roles",
                Message.of("field.permission.roles")).orThrow();
        Set<Role> roles = input.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(input.roles());
        return change(request, declared, "roles", c -> PermissionGrants.chooseRoles(c, declared.permission().id(), roles, clock.instant()));
    }

    private Reply restoreDefaults(ApiRequest request) {
        PermissionCatalogue.Declared declared = known(request);
        return change(request, declared, "default-roles", c -> PermissionGrants.restoreDefaultRoles(c, declared.permission().id()));
    }

    private Reply grant(ApiRequest request) {
        PermissionCatalogue.Declared declared = known(request);
        long userId = request.pathId("userId");
        return change(request, declared, "grant", c -> {
            requireUser(c, userId);
            PermissionGrants.grantToUser(c, declared.permission().id(), userId, clock.instant());
        });
    }

    private Reply revoke(ApiRequest request) {
        PermissionCatalogue.Declared declared = known(request);
        long userId = request.pathId("userId");
        return change(request, declared, "revoke", c -> {
            requireUser(c, userId);
            PermissionGrants.revokeFromUser(c, declared.permission().id(), userId);
        });
    }

    private Reply mine(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        List<String> held = catalogue.all().stream().map(PermissionCatalogue.Declared::permission).filter(caller::can).map(Permission::id).toList();
        return Reply.ok(Map.of("permissions", held));
    }

    /** A change of one kind, audited with the permission as it was and as it is, in one transaction. */
    private Reply change(ApiRequest request, PermissionCatalogue.Declared declared, String action, Change change) {
        String id = declared.permission().id();
        PermissionView after = platformDb.inTransaction(c -> {
            PermissionView before = current(c, declared, request.language());
            change.apply(c);
            PermissionView now = current(c, declared, request.language());
            if (!now.equals(before)) {
                platformDb.audit(c, AuditRecord.of(request, "permissions", id, action).before(audited(before)).after(audited(now)));
            }
            return now;
        });
        decisionsChanged.run();
        return Reply.ok(after);
    }

    private interface Change {
        void apply(Connection c) throws SQLException;
    }

    private PermissionView current(Connection c, PermissionCatalogue.Declared declared, Language language) throws SQLException {
        String id = declared.permission().id();
        Set<Long> users = PermissionGrants.namedUsers(c, id);
        return view(declared, PermissionGrants.chosenRoles(c, id).orElse(null), users, language);
    }

    private PermissionView view(PermissionCatalogue.Declared d, Set<Role> chosen, Set<Long> users, Language language) {
        Permission p = d.permission();
        String title = catalogs.find(d.moduleId(), Message.of(p.titleKey()), language).orElse(p.id());
        return new PermissionView(p.id(), d.moduleId(), title, sorted(p.defaultRoles()), sorted(chosen == null ? p.defaultRoles() : chosen),
                chosen != null, List.copyOf(new TreeSet<>(users)));
    }

    private static Map<String, Object> audited(PermissionView view) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("roles", view.roles());
        state.put("customised", view.customised());
        state.put("userIds", view.userIds());
        return state;
    }

    private static List<Role> sorted(Set<Role> roles) {
        return roles.stream().sorted().toList();
    }

    private PermissionCatalogue.Declared known(ApiRequest request) {
        String id = request.pathParam("permission");
        return catalogue.find(id).orElseThrow(() -> new ApiException(404, "permission_not_found", Message.of("error.permission.not_found", id),
                Map.of("permission", id)));
    }

    private static void requireUser(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT 1 FROM platform_user WHERE id = ?", userId).prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw ApiException.notFound(Message.of("error.user.not_found", userId));
            }
        }
    }
}
