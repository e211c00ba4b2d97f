package dev.pacesetter.platform.api.org;

/**
 * Payload of the {@code platform/user.*} events: the person as they are after the change, and where they were before a
 * move. Read it with {@code event.payload(PersonChanged.class)}; fields are only ever added (readers ignore those they
 * do not know).
 *
 * @param person the person after the change
 * @param previousTeamId their team before a move ({@code platform/user.moved}); otherwise their current team
 * @param previousRegionId their region before a move; otherwise their current region
 */
public record PersonChanged(Person person, Long previousTeamId, Long previousRegionId) {
}
