package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.pipeline.api.Tier;
import dev.pacesetter.pipeline.internal.domain.TierPlaybook;
import dev.pacesetter.platform.api.db.Sql;

/** The tier playbooks: a row of {@code pipeline_tier_playbook} per tier that has one. */
public final class TierPlaybookStore {

    private TierPlaybookStore() {
    }

    /** Every playbook, in the order of the tiers. */
    public static List<TierPlaybook> all(Connection c) throws SQLException {
        List<TierPlaybook> all = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT tier, action, every_period, active FROM pipeline_tier_playbook").prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new TierPlaybook(Tier.valueOf(rs.getString(1)), rs.getString(2), Period.parse(rs.getString(3)), rs.getBoolean(4)));
            }
        }
        all.sort(Comparator.comparing(TierPlaybook::tier));
        return all;
    }

    public static Optional<TierPlaybook> active(Connection c, Tier tier) throws SQLException {
        return all(c).stream().filter(p -> p.tier() == tier && p.active()).findFirst();
    }

    public static void save(Connection c, TierPlaybook playbook, Instant now) throws SQLException {
        try (PreparedStatement update = Sql.of("UPDATE pipeline_tier_playbook SET action = ?, every_period = ?, active = ?, updated_at = ? WHERE tier = ?",
                playbook.action(), playbook.every().toString(), playbook.active(), now, playbook.tier().name()).prepare(c)) {
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = Sql.of("INSERT INTO pipeline_tier_playbook (tier, action, every_period, active, updated_at) VALUES (?, ?, ?, ?, ?)",
                playbook.tier().name(), playbook.action(), playbook.every().toString(), playbook.active(), now).prepare(c)) {
            insert.executeUpdate();
        }
    }
}
