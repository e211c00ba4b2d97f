package dev.pacesetter.platform.api.pilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.db.Sql;

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
    void queriesSelectOnlyTheWorkOfEnabledRegions() {
        assertEquals(Sql.alwaysTrue().text(), EnabledRegions.all().ownerIn("l.owner_id").text());
        assertEquals(Sql.alwaysFalse().text(), EnabledRegions.only(Set.of()).ownerIn("l.owner_id").text());
        Sql south = EnabledRegions.only(Set.of(1L)).ownerIn("l.owner_id");
        assertTrue(south.text().startsWith("l.owner_id IN (SELECT"), south.text());
        assertEquals(List.of(1L), south.params());
        assertEquals("l.region_id IN (?)", EnabledRegions.only(Set.of(1L)).regionIn("l.region_id").text());
    }
}
