package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The channels and tags a lead may refer to, read once per request or import (both vocabularies are small).
 */
public final class LeadReferences {

    private final Map<Long, Boolean> channelsActive;
    private final Map<String, Long> tagIdsByKey;

    private LeadReferences(Map<Long, Boolean> channelsActive, Map<String, Long> tagIdsByKey) {
        this.channelsActive = channelsActive;
        this.tagIdsByKey = tagIdsByKey;
    }

    public static LeadReferences load(Connection c) throws SQLException {
        Map<Long, Boolean> channels = new HashMap<>();
        try (PreparedStatement ps = Sql.of("SELECT id, active FROM leads_channel").prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                channels.put(rs.getLong(1), rs.getBoolean(2));
            }
        }
        Map<String, Long> tags = new HashMap<>();
        try (PreparedStatement ps = Sql.of("SELECT id, name_key FROM leads_tag").prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.put(rs.getString(2), rs.getLong(1));
            }
        }
        return new LeadReferences(channels, tags);
    }

    /** Unknown or retired channel, unknown tags. */
    public List<FieldError> problems(LeadInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.channelId() != null) {
            Boolean active = channelsActive.get(in.channelId());
            if (active == null) {
                errors.add(new FieldError("channelId", Message.of("field.channel.unknown", in.channelId())));
            } else if (!active) {
                errors.add(new FieldError("channelId", Message.of("field.channel.retired", in.channelId())));
            }
        }
        for (String tag : in.tagsOrEmpty()) {
            if (tag == null || !tagIdsByKey.containsKey(Normalizer.nameKey(tag))) {
                errors.add(new FieldError("tags", Message.of("field.tag.unknown", tag)));
            }
        }
        return errors;
    }

    /** The ids of the lead's tags, each once (call after {@link #problems} found none). */
    public Set<Long> tagIds(LeadInput in) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String tag : in.tagsOrEmpty()) {
            ids.add(tagIdsByKey.get(Normalizer.nameKey(tag)));
        }
        return ids;
    }
}
