package dev.pacesetter.platform.api.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.platform.api.db.Sql;

/**
 * The rows a caller may see and change, as a SQL condition on a record's owner. Obtain it from
 * {@link Caller#scope()}; apply it with {@link #ownedBy(String)} on every query that reads or changes
 * records, so that a record outside the scope behaves exactly like one that does not exist (404).
 *
 * <ul>
 * <li>{@code ALL}: administrators and HR see every record;</li>
 * <li>{@code MANAGED}: their own records plus those owned by members of the teams and regions they
 * manage (managers), or of their own region (marketing, after-sales);</li>
 * <li>{@code OWN}: only records they own (reps, integrators).</li>
 * </ul>
 *
 * <p>Membership is read from the platform's organisation tables when the query runs, so a rep who
 * moves to another team leaves their old manager's scope at once. Immutable.
 */
public final class RowScope {

    /** How wide a scope is. */
    public enum Kind {
        ALL, MANAGED, OWN
    }

    private final Kind kind;
    private final long userId;
    private final Set<Long> teamIds;
    private final Set<Long> regionIds;

    private RowScope(Kind kind, long userId, Set<Long> teamIds, Set<Long> regionIds) {
        this.kind = kind;
        this.userId = userId;
        this.teamIds = Set.copyOf(teamIds);
        this.regionIds = Set.copyOf(regionIds);
    }

    public static RowScope all(long userId) {
        return new RowScope(Kind.ALL, userId, Set.of(), Set.of());
    }

    public static RowScope own(long userId) {
        return new RowScope(Kind.OWN, userId, Set.of(), Set.of());
    }

    /** Own records plus those of the members of {@code teamIds} and of every team in {@code regionIds}. */
    public static RowScope managed(long userId, Set<Long> teamIds, Set<Long> regionIds) {
        if (teamIds.isEmpty() && regionIds.isEmpty()) {
            return own(userId);
        }
        return new RowScope(Kind.MANAGED, userId, teamIds, regionIds);
    }

    public Kind kind() {
        return kind;
    }

    /** The caller this scope belongs to: the owner to record on records they create. */
    public long userId() {
        return userId;
    }

    /** Teams whose members' records are in scope (besides the caller's own). */
    public Set<Long> teamIds() {
        return teamIds;
    }

    /** Regions whose members' records are in scope (besides the caller's own). */
    public Set<Long> regionIds() {
        return regionIds;
    }

    /**
     * The condition "the record owned by {@code ownerColumn} is in scope", with bind parameters.
     *
     * @param ownerColumn the column holding the owning user's id, e.g. {@code l.owner_id}
     * @throws IllegalArgumentException if {@code ownerColumn} is not a plain column name
     */
    public Sql ownedBy(String ownerColumn) {
        String owner = Sql.column(ownerColumn);
        return switch (kind) {
            case ALL -> Sql.alwaysTrue();
            case OWN -> Sql.of(owner + " = ?", userId);
            case MANAGED -> {
                Sql condition = Sql.of(owner + " = ?", userId);
                if (!teamIds.isEmpty()) {
                    Sql teams = Sql.in("su.team_id", teamIds);
                    condition = condition.or(Sql.of(owner + " IN (SELECT su.id FROM org_user_v1 su WHERE " + teams.text() + ")",
                            teams.params().toArray()));
                }
                if (!regionIds.isEmpty()) {
                    // a member's region is the team's; someone in no team (marketing, after-sales) belongs to the region assigned to them
                    Sql regions = Sql.in("sr.region_id", regionIds);
                    condition = condition.or(Sql.of(owner + " IN (SELECT sr.id FROM org_user_v1 sr WHERE " + regions.text() + ")",
                            regions.params().toArray()));
                }
                yield condition;
            }
        };
    }

    /**
     * The same decision in memory, for a record already loaded together with its owner's team and region.
     */
    public boolean permits(long ownerId, Optional<Long> ownerTeamId, Optional<Long> ownerRegionId) {
        return switch (kind) {
            case ALL -> true;
            case OWN -> ownerId == userId;
            case MANAGED -> ownerId == userId || ownerTeamId.filter(teamIds::contains).isPresent()
                    || ownerRegionId.filter(regionIds::contains).isPresent();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowScope other && kind == other.kind && userId == other.userId && teamIds.equals(other.teamIds)
                && regionIds.equals(other.regionIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, userId, teamIds, regionIds);
    }

    @Override
    public String toString() {
        return "RowScope[" + kind + ", user " + userId + (kind == Kind.MANAGED ? ", teams " + teamIds + ", regions " + regionIds : "") + "]";
    }
}
