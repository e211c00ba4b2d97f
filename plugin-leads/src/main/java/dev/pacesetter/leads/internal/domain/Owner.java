package dev.pacesetter.leads.internal.domain;

/** A user who can own leads, with the team and region that decide who else sees them. */
public record Owner(long id, boolean active, Long teamId, Long regionId) {
}
