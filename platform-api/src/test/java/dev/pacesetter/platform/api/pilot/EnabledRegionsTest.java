package dev.pacesetter.platform.api.pilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.security.Caller;

class EnabledRegionsTest {

    @Test
    void aModuleOnForSomeRegionsSkipsTheOthers() {
        EnabledRegions south = EnabledRegions.only(Set.of(1L));
        assertTrue(south.includes(1));
        assertFalse(south.includes(2));
        assertFalse(south.includes(Optional.empty()), "a user without a region is outside every pilot");
        assertTrue(EnabledRegions.all().includes(Optional.empty()));
        assertTrue(EnabledRegions.only(Set.of()).isNone());
    }

    @Test
    void itAdmitsAdministratorsTheHomeRegionAndARegionalManagersRegions() {
        EnabledRegions south = EnabledRegions.only(Set.of(1L));
        assertTrue(south.admits(new Caller(1, "rep", Set.of(Role.REP), Optional.of(10L), Optional.of(1L))));
        assertFalse(south.admits(new Caller(2, "rep", Set.of(Role.REP), Optional.of(20L), Optional.of(2L))));
        assertFalse(south.admits(new Caller(3, "nobody", Set.of(Role.MARKETING), Optional.empty(), Optional.empty())));
        assertTrue(south.admits(new Caller(4, "admin", Set.of(Role.ADMIN), Optional.empty(), Optional.empty())));
        assertTrue(south.admits(new Caller(5, "regional", Set.of(Role.MANAGER), Optional.empty(), Optional.of(2L), Set.of(), Set.of(2L, 1L))),
                "a regional manager of two regions reaches a module on in either");
    }

    @Test
    void queriesSelectOnlyTheWorkOfEnabledRegions() {
        assertEquals(Sql.alwaysTrue().text(), EnabledRegions.all().ownerIn("l.owner_id").text());
        assertEquals(Sql.alwaysFalse().text(), EnabledRegions.only(Set.of()).ownerIn("l.owner_id").text());
        Sql south = EnabledRegions.only(Set.of(1L)).ownerIn("l.owner_id");
        assertTrue(south.text().startsWith("l.owner_id IN (SELECT"), south.text());
        assertEquals(List.of(1L), south.params());
        assertEquals("l.region_id IN (?)", EnabledRegions.only(Set.of(1L)).regionIn("l.region_id").text());
    }
}
