package dev.pacesetter.platform.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.Role;

class PermissionTest {

    private static final Permission IMPORT = Permission.of("leads.import", Role.MANAGER, Role.MARKETING);

    private static Caller with(Role... roles) {
        return new Caller(7, "someone", Set.of(roles), Optional.empty(), Optional.empty());
    }

    @Test
    void anIdNamesItsModuleAndItsTitleKey() {
        assertEquals("leads", IMPORT.moduleId());
        assertEquals("permission.leads.import", IMPORT.titleKey());
        assertEquals("incentives", Permission.of("incentives.period.close").moduleId());
    }

    @Test
    void anIdWithoutAModuleOrInUpperCaseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Permission.of("import"));
        assertThrows(IllegalArgumentException.class, () -> Permission.of("Leads.Import"));
        assertThrows(IllegalArgumentException.class, () -> Permission.of("leads..import"));
        assertThrows(IllegalArgumentException.class, () -> Permission.of("leads.import."));
        assertThrows(IllegalArgumentException.class, () -> Permission.of("leads." + "x".repeat(120)));
    }

    @Test
    void withoutDecisionsTheDefaultRolesHoldItAndAdministratorsAlways() {
        assertTrue(with(Role.MANAGER).can(IMPORT));
        assertTrue(with(Role.REP, Role.MARKETING).can(IMPORT));
        assertFalse(with(Role.REP).can(IMPORT));
        assertTrue(with(Role.ADMIN).can(IMPORT));
        assertTrue(with(Role.ADMIN).can(Permission.of("leads.purge")), "no default roles: administrators still hold it");
    }

    @Test
    void aGrantByNameOrByAChosenRoleAddsAndAChoiceWithoutTheCallersRolesWithholds() {
        assertTrue(with(Role.REP).withPermissions(Set.of("leads.import"), Set.of()).can(IMPORT));
        assertFalse(with(Role.MANAGER).withPermissions(Set.of(), Set.of("leads.import")).can(IMPORT));
        assertTrue(with(Role.ADMIN).withPermissions(Set.of(), Set.of("leads.import")).can(IMPORT), "administrators cannot be locked out");
        assertTrue(with(Role.MANAGER).withPermissions(Set.of(), Set.of("leads.other")).can(IMPORT), "other permissions' decisions do not matter");
    }
}
