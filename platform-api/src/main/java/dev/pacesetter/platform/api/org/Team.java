package dev.pacesetter.platform.api.org;

/**
 * A sales team.
 *
 * @param id the team id
 * @param name its name, unique within its region
 * @param regionId the region it belongs to
 * @param managerId its manager; {@code null} if it has none
 */
public record Team(long id, String name, long regionId, Long managerId) {
}
