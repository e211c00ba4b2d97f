package dev.pacesetter.kernel.internal.pilot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.pacesetter.platform.api.pilot.EnabledRegions;

/** Module enablement rows; every method works on the caller's connection (and transaction). */
final class EnablementStore {

    private EnablementStore() {
    }

    static Map<String, EnabledRegions> loadAll(Connection c) throws SQLException {
        Map<String, Boolean> all = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT module_id, all_regions FROM platform_module_enablement")) {
            while (rs.next()) {
                all.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        Map<String, Set<Long>> regions = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT module_id, region_id FROM platform_module_region")) {
            while (rs.next()) {
                regions.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
            }
        }
        Map<String, EnabledRegions> result = new HashMap<>();
        all.forEach((module, everywhere) -> result.put(module,
                everywhere ? EnabledRegions.all() : EnabledRegions.only(regions.getOrDefault(module, Set.of()))));
        return result;
    }

    /** Records a module seen for the first time with the configured default; false if it was known. */
    static boolean insertIfAbsent(Connection c, String moduleId, boolean allRegions, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_module_enablement (module_id, all_regions, updated_at)"
                + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM platform_module_enablement WHERE module_id = ?)")) {
            ps.setString(1, moduleId);
            ps.setBoolean(2, allRegions);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, moduleId);
            return ps.executeUpdate() == 1;
        }
    }

    static void replace(Connection c, String moduleId, EnabledRegions regions, Instant now) throws SQLException {
        insertIfAbsent(c, moduleId, regions.isAll(), now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_module_enablement SET all_regions = ?, updated_at = ? WHERE module_id = ?")) {
            ps.setBoolean(1, regions.isAll());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, moduleId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_module_region WHERE module_id = ?")) {
            ps.setString(1, moduleId);
            ps.executeUpdate();
        }
        if (!regions.isAll() && !regions.regionIds().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_module_region (module_id, region_id) VALUES (?, ?)")) {
                for (long region : regions.regionIds()) {
                    ps.setString(1, moduleId);
                    ps.setLong(2, region);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Region code → id, for every region. */
    static Map<String, Long> regionIdsByCode(Connection c) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, id FROM platform_region")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }
}
