package dev.pacesetter.kernel.internal.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymbolicNameTest {

    @Test
    void namesOfTheOsgiGrammarAreAcceptedAndBecomeAJarName() {
        for (String name : new String[] {"dev.pacesetter.fixture.hello", "a", "org.apache.felix.scr", "my_plugin-2.x", "A1.b-2._c"}) {
            assertTrue(SymbolicName.isValid(name), name);
        }
        assertEquals("dev.pacesetter.leads.jar", SymbolicName.fromHeader(" dev.pacesetter.leads ;singleton:=true").orElseThrow().fileName());
    }

    @Test
    void pathsDotsSeparatorsNulAndOtherScriptsAreRefused() {
        for (String name : new String[] {"", " ", "../../x", "..", ".", "/tmp/x", "a/b", "a\\b", "..\\x", "../../dist/bundles/evil",
                "a..b", ".hidden", "trailing.", "nul\u0000byte", "C:evil", "x y", "名字", "ｆｕｌｌ", "a\nb", "a.", "-.-.-/..",
                "x".repeat(SymbolicName.MAX_LENGTH + 1)}) {
            assertFalse(SymbolicName.isValid(name), name);
            assertTrue(SymbolicName.fromHeader(name).isEmpty(), name);
        }
        assertTrue(SymbolicName.fromHeader(null).isEmpty());
    }
}
