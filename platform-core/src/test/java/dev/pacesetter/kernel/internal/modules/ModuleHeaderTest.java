package dev.pacesetter.kernel.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.ModuleDescriptor;

class ModuleHeaderTest {

    @Test
    void readsWhatTheAnnotationGenerates() {
        assertEquals(new ModuleDescriptor("leads", "Leads; grading & follow-up", Dimension.PROCESS, "1.2.0"),
                ModuleHeader.parse("leads;name=\"Leads; grading & follow-up\";dimension=PROCESS", "1.2.0"));
    }

    @Test
    void refusesBadIdsAndUnknownDimensions() {
        assertThrows(IllegalArgumentException.class, () -> ModuleHeader.parse("Leads;name=\"x\";dimension=PROCESS", "1"));
        assertEquals("unknown dimension 'SALES'",
                assertThrows(IllegalArgumentException.class, () -> ModuleHeader.parse("leads;dimension=SALES", "1")).getMessage());
    }
}
