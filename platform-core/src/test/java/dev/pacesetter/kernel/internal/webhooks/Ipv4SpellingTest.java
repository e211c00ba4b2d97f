package dev.pacesetter.kernel.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.kernel.internal.net.AllowList;

class Ipv4SpellingTest {

    @Test
    void namesAndCanonicalDottedQuadsAreNotAmbiguous() {
        for (String host : List.of("hooks.example.com", "93.184.215.14", "0.0.0.0", "255.255.255.255", "10.0.0.1", "1x.example", "123.example.com",
                "0x.example.com", "localhost", "xn--fiqs8s.cn", "::1", "2606:2800:21f:cb07::1")) {
            assertTrue(Ipv4Spelling.whyAmbiguous(host).isEmpty(), host);
        }
    }

    @Test
    void octalHexIntegerShortAndOddlyPaddedAddressesAreAmbiguous() {
        for (String host : List.of("0177.0.0.1", "0x7f.1", "0x7f.0.0.1", "0X7F.0.0.1", "2130706433", "017700000001", "0x7f000001", "127.1",
                "127.0.1", "1.2.3.4.", "127.000.000.001", "1.2.3.256", "1.2.3.4.5", "010.0.0.1", "example.123", "a.0x", "0x")) {
            assertTrue(Ipv4Spelling.whyAmbiguous(host).isPresent(), host);
        }
    }

    @Test
    void theGuardRefusesThemAsTargets422NotAsMalformedUrls() {
        TargetGuard guard = new TargetGuard(AllowList.none(), host -> { throw new AssertionError("must not resolve " + host); });
        for (String url : List.of("http://0177.0.0.1/", "http://0x7f.1/", "http://2130706433/", "http://127.1/", "https://0x7f.1:8443/x",
                "http://user@0177.0.0.1/", "http://1.2.3.4./")) {
            TargetRefused refused = org.junit.jupiter.api.Assertions.assertThrows(TargetRefused.class, () -> guard.check(url), url);
            assertFalse(refused.malformed(), url);
            assertTrue(refused.getMessage().contains("ambiguous"), refused.getMessage());
        }
        // even a permitted host cannot be spelled ambiguously
        TargetGuard permissive = new TargetGuard(AllowList.parse(List.of("127.0.0.0/8")), host -> List.of());
        org.junit.jupiter.api.Assertions.assertThrows(TargetRefused.class, () -> permissive.check("http://0177.0.0.1/"));
    }
}
