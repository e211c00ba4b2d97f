package dev.pacesetter.platform.api.pilot;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.security.Caller;

/**
 * The regions a module is switched on for: all of them, or a set (possibly empty). Immutable.
 *
 * <p>Jobs and alerts use it to skip regions where the module is off, either in memory
 * ({@link #includes(Optional)}) or in the query that selects their work ({@link #regionIn(String)},
 * {@link #ownerIn(String)}).
 */
public final class EnabledRegions {

    private static final EnabledRegions ALL = new EnabledRegions(true, Set.of());

    private final boolean all;
    private final Set<Long> regionIds;

    private EnabledRegions(boolean all, Set<Long> regionIds) {
        this.all = all;
        this.regionIds = Set.copyOf(regionIds);
    }

    public static EnabledRegions all() {
        return ALL;
    }

    public static EnabledRegions only(Set<Long> regionIds) {
        return new EnabledRegions(false, Objects.requireNonNull(regionIds, "regionIds"));
    }

    public boolean isAll() {
        return all;
    }

    /** Whether the module is on for no region at all. */
    public boolean isNone() {
        return !all && regionIds.isEmpty();
    }

    /** The regions, when not {@link #isAll()}. */
    public Set<Long> regionIds() {
        return regionIds;
    }

    public boolean includes(long regionId) {
        return all || regionIds.contains(regionId);
    }

    /** For a record or user that may have no region: without one, only a module on for all regions applies. */
    public boolean includes(Optional<Long> regionId) {
        return all || regionId.filter(regionIds::contains).isPresent();
    }

    /**
     * Whether the module's routes admit {@code caller}: administrators always; others when the module is on for their
     * home region or — for a regional manager — for a region they manage. A service a module offers other modules
     * (a read service in its {@code api} package) answers a caller it does not admit as if it had nothing.
     *
     * @since 1.2
     */
    public boolean admits(Caller caller) {
        return caller.hasRole(Role.ADMIN) || includes(caller.regionId()) || caller.managedRegionIds().stream().anyMatch(this::includes);
    }

    /** SQL condition: the region id in {@code regionColumn} is one the module is on for. */
    public Sql regionIn(String regionColumn) {
        return all ? Sql.alwaysTrue() : Sql.in(regionColumn, regionIds);
    }

    /** SQL condition: the user in {@code ownerColumn} belongs to a team in a region the module is on for. */
    public Sql ownerIn(String ownerColumn) {
        String owner = Sql.column(ownerColumn);
        if (all) {
            return Sql.alwaysTrue();
        }
        if (regionIds.isEmpty()) {
            return Sql.alwaysFalse();
        }
        Sql regions = Sql.in("eu.region_id", regionIds);
        return Sql.of(owner + " IN (SELECT eu.id FROM org_user_v1 eu WHERE eu.team_id IS NOT NULL AND " + regions.text() + ")",
                regions.params().toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnabledRegions other && all == other.all && regionIds.equals(other.regionIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, regionIds);
    }

    @Override
    public String toString() {
        return all ? "all regions" : "regions " + regionIds;
    }
}
