package dev.pacesetter.platform.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.Sql;

class RowScopeTest {

    static Caller caller(Role role, Set<Long> managedTeams, Set<Long> managedRegions) {
        return new Caller(7, "u", Set.of(role), Optional.of(10L), Optional.of(100L), managedTeams, managedRegions);
    }

    @Test
    void eachRoleGetsTheScopeItsWorkNeeds() {
        assertEquals(RowScope.Kind.ALL, caller(Role.ADMIN, Set.of(), Set.of()).scope().kind());
        assertEquals(RowScope.Kind.ALL, caller(Role.HR, Set.of(), Set.of()).scope().kind());
        assertEquals(RowScope.Kind.OWN, caller(Role.REP, Set.of(10L), Set.of()).scope().kind(), "managing needs the MANAGER role");
        assertEquals(RowScope.Kind.OWN, caller(Role.INTEGRATOR, Set.of(), Set.of()).scope().kind());
        assertEquals(RowScope.Kind.OWN, caller(Role.MANAGER, Set.of(), Set.of()).scope().kind(), "a manager of nothing sees their own");
        RowScope manager = caller(Role.MANAGER, Set.of(10L), Set.of(100L)).scope();
        assertEquals(Set.of(10L), manager.teamIds());
        assertEquals(Set.of(100L), manager.regionIds());
        assertEquals(Set.of(100L), caller(Role.MARKETING, Set.of(), Set.of()).scope().regionIds(), "marketing serves its region");
    }

    @Test
    void theSqlConditionBindsEveryIdAndNeverInlinesOne() {
        assertEquals(Sql.alwaysTrue().text(), RowScope.all(7).ownedBy("n.owner_id").text());
        Sql own = RowScope.own(7).ownedBy("n.owner_id");
        assertEquals("n.owner_id = ?", own.text());
        assertEquals(List.of(7L), own.params());
        Sql managed = RowScope.managed(7, Set.of(10L), Set.of(100L)).ownedBy("n.owner_id");
        assertEquals(List.of(7L, 10L, 100L), managed.params());
        assertFalse(managed.text().contains("10") || managed.text().contains("100"), managed.text());
        assertThrows(IllegalArgumentException.class, () -> RowScope.own(7).ownedBy("owner_id = owner_id OR 1"));
    }

    @Test
    void inMemoryChecksAgreeWithTheSqlCondition() {
        RowScope manager = RowScope.managed(7, Set.of(10L), Set.of());
        assertTrue(manager.permits(7, Optional.empty(), Optional.empty()));
        assertTrue(manager.permits(8, Optional.of(10L), Optional.of(100L)));
        assertFalse(manager.permits(8, Optional.of(11L), Optional.of(100L)));
        assertFalse(RowScope.own(7).permits(8, Optional.of(10L), Optional.of(100L)));
    }
}
