package dev.pacesetter.platform.api.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.platform.api.Role;

/**
 * The authenticated user behind a request. Immutable.
 *
 * @param userId the user's id
 * @param username the login name
 * @param roles the roles the user holds (never empty for a real user)
 * @param teamId the user's team, if any (administrators may have none)
 * @param regionId the region of that team, if any
 */
public record Caller(long userId, String username, Set<Role> roles, Optional<Long> teamId, Optional<Long> regionId) {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(regionId, "regionId");
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller holds at least one of {@code allowed}; an empty set allows any caller. */
    public boolean hasAnyOf(Set<Role> allowed) {
        return allowed.isEmpty() || allowed.stream().anyMatch(roles::contains);
    }
}
