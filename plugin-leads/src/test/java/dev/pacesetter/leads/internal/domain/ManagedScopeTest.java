package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ManagedScopeTest {

    private final ManagedScope southManager = new ManagedScope(false, Set.of(7L), Set.of(1L));

    @Test
    void aManagersRuleMustKeepToTheirTeamAndRegion() {
        assertTrue(southManager.covers(1L, 7L));
        assertFalse(southManager.covers(2L, 7L), "another region's leads would be diverted to my team");
        assertFalse(southManager.covers(1L, 8L), "my region's leads would go to a team I do not manage");
        assertFalse(southManager.covers(null, 7L), "a rule for every region is an administrator's");
    }

    @Test
    void administratorsCoverEveryRuleAndOthersNone() {
        assertTrue(new ManagedScope(true, Set.of(), Set.of()).covers(null, 99L));
        assertFalse(new ManagedScope(false, Set.of(), Set.of()).covers(1L, 7L));
    }
}
