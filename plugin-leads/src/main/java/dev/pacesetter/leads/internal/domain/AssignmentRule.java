package dev.pacesetter.leads.internal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends leads that arrive without an owner to a team: a rule matches on the intake region, the territory and
 * the channel (a rule that names none of them matches every lead). Rules are tried in {@code sortOrder}.
 */
public record AssignmentRule(long id, int sortOrder, Long regionId, String territory, Long channelId, long teamId) {

    public boolean matches(Long intakeRegionId, String leadTerritory, Long leadChannelId) {
        return (regionId == null || regionId.equals(intakeRegionId))
                && (territory == null || (leadTerritory != null
                        && Normalizer.nameKey(territory).equals(Normalizer.nameKey(leadTerritory))))
                && (channelId == null || channelId.equals(leadChannelId));
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (regionId != null) {
            parts.add("region " + regionId);
        }
        if (territory != null) {
            parts.add("territory " + territory);
        }
        if (channelId != null) {
            parts.add("channel " + channelId);
        }
        return "rule " + id + (parts.isEmpty() ? " (every lead)" : " (" + String.join(", ", parts) + ")") + " → team " + teamId;
    }
}
