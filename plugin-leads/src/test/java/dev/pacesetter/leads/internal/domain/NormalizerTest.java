package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void fullWidthDigitsSpacesAndPunctuationGiveOnePhoneKey() {
        Optional<String> key = Normalizer.phoneKey("+86 138-0013-8000");
        assertEquals(Optional.of("8613800138000"), key);
        assertEquals(key, Normalizer.phoneKey("＋８６　１３８－００１３－８０００"));
        assertEquals(key, Normalizer.phoneKey("0086 (138) 0013 8000"));
        assertNotEquals(key, Normalizer.phoneKey("138 0013 8000"), "with and without the country code stay apart");
        assertTrue(Normalizer.phoneKey("12").isEmpty(), "too short to identify anyone");
        assertTrue(Normalizer.phoneKey(null).isEmpty());
    }

    @Test
    void emailKeysFoldCaseAndWidth() {
        assertEquals(Optional.of("li.na@example.com"), Normalizer.emailKey("  Li.Na@Example.COM "));
        assertEquals(Normalizer.emailKey("li.na@example.com"), Normalizer.emailKey("ｌｉ．ｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ"));
        assertTrue(Normalizer.emailKey("   ").isEmpty());
    }

    @Test
    void companyKeysIgnorePunctuationCaseAndLegalForms() {
        assertEquals(Optional.of("acme"), Normalizer.companyKey("ACME Co., Ltd."));
        assertEquals(Normalizer.companyKey("Acme"), Normalizer.companyKey("acme limited"));
        assertEquals(Normalizer.companyKey("蓝天科技"), Normalizer.companyKey("蓝天科技有限公司"));
        assertEquals(Normalizer.companyKey("蓝天科技"), Normalizer.companyKey("蓝天科技　股份有限公司"));
        assertEquals(Optional.of("ltd"), Normalizer.companyKey("Ltd."), "a name that is only a legal form is kept, not emptied");
        assertNotEquals(Normalizer.companyKey("Acme"), Normalizer.companyKey("Acme Robotics"));
    }

    @Test
    void nameKeysFoldWidthCaseAndSpacing() {
        assertEquals("high intent", Normalizer.nameKey("  ｈｉｇｈ　　INTENT "));
    }
}
