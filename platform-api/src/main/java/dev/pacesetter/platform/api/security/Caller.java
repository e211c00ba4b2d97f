package dev.pacesetter.platform.api.security;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.i18n.Language;

/**
 * The authenticated user behind a request. Immutable.
 *
 * @param userId the user's id
 * @param username the login name
 * @param roles the roles the user holds (never empty for a real user)
 * @param teamId the user's team, if any (administrators may have none)
 * @param regionId the user's home region, if any: their team's; for a user in no team the region assigned to them, else
 *        the region they manage as regional manager, else the region of a team they manage
 * @param managedTeamIds the teams this user manages (empty unless a manager)
 * @param managedRegionIds the regions this user manages as a regional manager
 * @param language the language the user reads (their setting, or the installation's default)
 * @param permissions ids of {@link Permission}s granted to this user by an administrator: by name, or through one of
 *        their roles when the administrators chose the roles that hold it (since 1.3)
 * @param withheldPermissions ids of permissions whose roles the administrators chose without any of this user's roles
 *        (and not granted by name): these are not held even where the permission's default roles would give them (since
 *        1.3)
 */
public record Caller(long userId, String username, Set<Role> roles, Optional<Long> teamId, Optional<Long> regionId,
        Set<Long> managedTeamIds, Set<Long> managedRegionIds, Language language, Set<String> permissions,
        Set<String> withheldPermissions) {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(regionId, "regionId");
        managedTeamIds = Set.copyOf(managedTeamIds);
        managedRegionIds = Set.copyOf(managedRegionIds);
        Objects.requireNonNull(language, "language");
        permissions = Set.copyOf(permissions);
        withheldPermissions = Set.copyOf(withheldPermissions);
    }

    /** A caller whose permissions are those of their roles, as each permission's default roles say. */
    public Caller(long userId, String username, Set<Role> roles, Optional<Long> teamId, Optional<Long> regionId,
            Set<Long> managedTeamIds, Set<Long> managedRegionIds, Language language) {
        this(userId, username, roles, teamId, regionId, managedTeamIds, managedRegionIds, language, Set.of(), Set.of());
    }

    /** A caller who reads Simplified Chinese. */
    public Caller(long userId, String username, Set<Role> roles, Optional<Long> teamId, Optional<Long> regionId,
            Set<Long> managedTeamIds, Set<Long> managedRegionIds) {
        this(userId, username, roles, teamId, regionId, managedTeamIds, managedRegionIds, Language.ZH_CN);
    }

    /** A caller who manages nothing. */
    public Caller(long userId, String username, Set<Role> roles, Optional<Long> teamId, Optional<Long> regionId) {
        this(userId, username, roles, teamId, regionId, Set.of(), Set.of());
    }

    /**
     * Whether the caller holds {@code permission}: administrators always; others when an administrator granted it to
     * them (by name or through a role), or else when one of their roles is among its default roles and the
     * administrators did not choose other roles for it.
     *
     * @since 1.3
     */
    public boolean can(Permission permission) {
        String id = permission.id();
        if (hasRole(Role.ADMIN) || permissions.contains(id)) {
            return true;
        }
        return !withheldPermissions.contains(id) && permission.defaultRoles().stream().anyMatch(roles::contains);
    }

    /**
     * A copy with the administrators' decisions: {@code granted} and {@code withheld} permission ids (see the record's
     * components); for the kernel, and for a plugin's unit tests.
     *
     * @since 1.3
     */
    public Caller withPermissions(Set<String> granted, Set<String> withheld) {
        return new Caller(userId, username, roles, teamId, regionId, managedTeamIds, managedRegionIds, language, granted, withheld);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller holds at least one of {@code allowed}; an empty set allows any caller. */
    public boolean hasAnyOf(Set<Role> allowed) {
        return allowed.isEmpty() || allowed.stream().anyMatch(roles::contains);
    }

    /**
     * The records this caller may see and change: everything for administrators and HR; for managers
     * their own plus their teams' and regions'; for marketing and after-sales their own plus their
     * region's; for everyone else their own.
     */
    public RowScope scope() {
        if (hasRole(Role.ADMIN) || hasRole(Role.HR)) {
            return RowScope.all(userId);
        }
        Set<Long> teams = new HashSet<>();
        Set<Long> regions = new HashSet<>();
        if (hasRole(Role.MANAGER)) {
            teams.addAll(managedTeamIds);
            regions.addAll(managedRegionIds);
        }
        if (hasRole(Role.MARKETING) || hasRole(Role.AFTER_SALES)) {
            regionId.ifPresent(regions::add);
        }
        return RowScope.managed(userId, teams, regions);
    }
}
