package dev.pacesetter.platform.api.org;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * Payload of the {@code platform/user.*} events: the person as they are after the change, and where they were before a
 * move. Read it with {@code event.payload(PersonChanged.class)}; fields are only ever added (readers ignore those they
 * do not know).
 *
 * @param person the person after the change
 * @param previousTeamId their team before a move ({@code platform/user.moved}); otherwise their current team
 * @param previousRegionId their region before a move; otherwise their current region
 */
@EventPayload(topic = OrgTopics.USER_CREATED, when = "a user was created", aggregate = "the user")
@EventPayload(topic = OrgTopics.USER_MOVED, when = "a user changed team or region (also each member of a team that moved region)", aggregate = "the user")
@EventPayload(topic = OrgTopics.USER_CHANGED, when = "a user's name, roles, hire date, language or e-mail changed", aggregate = "the user")
@EventPayload(topic = OrgTopics.USER_DEACTIVATED, when = "a user was deactivated", aggregate = "the user")
@EventPayload(topic = OrgTopics.USER_REACTIVATED, when = "a deactivated user was let in again", aggregate = "the user")
public record PersonChanged(Person person, Long previousTeamId, Long previousRegionId) {
}
