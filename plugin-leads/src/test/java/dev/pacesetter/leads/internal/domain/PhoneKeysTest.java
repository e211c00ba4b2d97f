package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneKeysTest {

    private final PhoneKeys cn = new PhoneKeys("CN");

    @Test
    void oneChineseMobileWrittenEveryWayIsOneE164Key() {
        Optional<String> key = Optional.of("+8613844342806");
        assertEquals(key, cn.key("+86 138 4434 2806"));
        assertEquals(key, cn.key("0086 138 4434 2806"));
        assertEquals(key, cn.key("13844342806"), "a national number is read in the default region");
        assertEquals(key, cn.key("＋８６　１３８　４４３４　２８０６"), "full-width plus, digits and ideographic spaces");
        assertEquals(key, cn.key("(+86) 138-4434-2806"));
        assertEquals(Optional.of("+8613512345678"), cn.key("＋８６　１３５１２３４５６７８"));
    }

    @Test
    void theDefaultRegionDecidesWhatANationalNumberMeans() {
        PhoneKeys hk = new PhoneKeys("hk");
        assertEquals("HK", hk.region());
        assertEquals(Optional.of("+85291234567"), hk.key("9123 4567"));
        assertEquals(Optional.of("+8613844342806"), hk.key("+86 138 4434 2806"), "an international number is the same anywhere");
        assertNotEquals(cn.scheme(), hk.scheme(), "keys made in another region are re-keyed");
        assertThrows(IllegalArgumentException.class, () -> new PhoneKeys("XX"));
    }

    @Test
    void numbersLibphonenumberCannotConfirmKeepADigitsKeyInsteadOfAnError() {
        assertEquals(Optional.of("12345"), cn.key("12345"), "an extension or short internal number");
        assertEquals(Optional.of("77700001"), cn.key("7770-0001"));
        assertEquals(Optional.of("8612345"), cn.key("0086 12345"), "the older digits-only rule, a leading 00 dropped");
        assertTrue(cn.key("12").isEmpty(), "too short to identify anyone");
        assertTrue(cn.key(null).isEmpty());
        assertTrue(cn.key("  ").isEmpty());
    }
}
