package dev.pacesetter.platform.api.org;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * Payload of {@code platform/team.manager-changed}.
 *
 * @param team the team after the change
 * @param previousManagerId its manager before; {@code null} if it had none
 */
@EventPayload(topic = OrgTopics.TEAM_MANAGER_CHANGED, when = "a team got another manager, or none", aggregate = "the team")
public record TeamManagerChanged(Team team, Long previousManagerId) {
}
