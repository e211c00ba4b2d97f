package dev.pacesetter.leads.internal.domain;

import java.util.Set;

/**
 * The teams and regions a caller may configure lead routing for: administrators everything; a manager the teams they
 * manage and every team of a region they manage, and those teams' regions. A rule outside it would divert another
 * region's incoming leads. Read by {@code ManagedScopeStore}.
 */
public record ManagedScope(boolean everything, Set<Long> teamIds, Set<Long> regionIds) {

    public ManagedScope {
        teamIds = Set.copyOf(teamIds);
        regionIds = Set.copyOf(regionIds);
    }

    /** Whether a rule sending leads of {@code regionId} to {@code teamId} is the caller's to add or remove. */
    public boolean covers(Long regionId, long teamId) {
        return everything || (regionId != null && regionIds.contains(regionId) && teamIds.contains(teamId));
    }
}
