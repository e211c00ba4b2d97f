package dev.pacesetter.platform.api.org;

/**
 * Payload of {@code platform/team.manager-changed}.
 *
 * @param team the team after the change
 * @param previousManagerId its manager before; {@code null} if it had none
 */
public record TeamManagerChanged(Team team, Long previousManagerId) {
}
