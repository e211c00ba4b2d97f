package dev.pacesetter.platform.api.org;

import java.time.LocalDate;
import java.util.Set;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.i18n.Language;

/**
 * A user as the organisation knows them.
 *
 * @param id the user id (the {@code owner_id} of records)
 * @param username sign-in name
 * @param displayName name shown to people
 * @param teamId their team; {@code null} for people in no team (marketing, after-sales, integrators)
 * @param regionId their team's region, or their own region when in no team; {@code null} if neither
 * @param managerId their team's manager; {@code null} without a team or a manager
 * @param active whether they may sign in (people are deactivated, never deleted)
 * @param roles their roles
 * @param hireDate when they joined, if recorded (new-hire ramp-up, time to first deal)
 * @param language the language they read; {@code null} when they chose none (the installation's default applies)
 */
public record Person(long id, String username, String displayName, Long teamId, Long regionId, Long managerId, boolean active,
        Set<Role> roles, LocalDate hireDate, Language language) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
