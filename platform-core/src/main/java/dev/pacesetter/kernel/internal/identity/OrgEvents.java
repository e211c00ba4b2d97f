package dev.pacesetter.kernel.internal.identity;

import java.sql.Connection;
import java.util.List;

import dev.pacesetter.kernel.internal.events.OutboxWriter;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.org.OrgTopics;
import dev.pacesetter.platform.api.org.Person;
import dev.pacesetter.platform.api.org.PersonChanged;
import dev.pacesetter.platform.api.org.Team;
import dev.pacesetter.platform.api.org.TeamManagerChanged;

/** The platform's organisation events ({@link OrgTopics}), written to the outbox in the transaction of the change. */
final class OrgEvents {

    private final OutboxWriter outbox;

    OrgEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** A {@code platform/user.*} event with the person as they now are. */
    void person(Connection c, String topic, long userId, Long previousTeamId, Long previousRegionId) {
        Person person = OrganisationService.persons(c, Sql.of("u.id = ?", userId)).get(0);
        outbox.publishAll(c, List.of(OutgoingEvent.of(topic, userId, new PersonChanged(person, previousTeamId, previousRegionId))),
                ModuleRegistry.PLATFORM);
    }

    /** {@code platform/user.moved} for each member of a team that moved to another region. */
    void membersMoved(Connection c, long teamId, long previousRegionId) {
        List<OutgoingEvent> moves = OrganisationService.persons(c, Sql.of("u.team_id = ?", teamId)).stream()
                .map(member -> OutgoingEvent.of(OrgTopics.USER_MOVED, member.id(), new PersonChanged(member, teamId, previousRegionId))).toList();
        if (!moves.isEmpty()) {
            outbox.publishAll(c, moves, ModuleRegistry.PLATFORM); // one batch however large the team
        }
    }

    void teamManagerChanged(Connection c, Team team, Long previousManagerId) {
        outbox.publishAll(c, List.of(OutgoingEvent.of(OrgTopics.TEAM_MANAGER_CHANGED, team.id(), new TeamManagerChanged(team, previousManagerId))),
                ModuleRegistry.PLATFORM);
    }
}
