package dev.pacesetter.leads.internal.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8CheckTest {

    @Test
    void acceptsCharactersSplitAcrossChunks() {
        byte[] bytes = "a\n张伟\nＡＣＭＥ\n".getBytes(StandardCharsets.UTF_8);
        Utf8Check check = new Utf8Check(4);
        for (int i = 0; i < bytes.length; i += 3) {
            assertTrue(check.feed(bytes, i, Math.min(3, bytes.length - i)));
        }
        assertTrue(check.finish());
    }

    @Test
    void namesTheLineOfTheFirstInvalidByte() {
        byte[] latin1 = "name\nok\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        Utf8Check check = new Utf8Check(64);
        assertFalse(check.feed(latin1, 0, latin1.length) && check.finish());
        assertEquals(3, check.invalidLine());
    }

    @Test
    void refusesATruncatedCharacterAtTheEnd() {
        byte[] bytes = "张".getBytes(StandardCharsets.UTF_8);
        Utf8Check check = new Utf8Check(64);
        assertTrue(check.feed(bytes, 0, 2));
        assertFalse(check.finish());
    }
}
