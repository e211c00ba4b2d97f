package dev.pacesetter.kernel.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pacesetter.kernel.internal.net.AllowList;
import dev.pacesetter.kernel.internal.net.Cidr;

class TargetGuardTest {

    /** A DNS that answers from a table, so that no test depends on the network. */
    private static HostResolver dns(Map<String, List<String>> records) {
        return host -> {
            List<String> answers = records.get(host);
            if (answers == null) {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    return List.of(InetAddress.getByName(host)); // a literal: no lookup
                }
                throw new UnknownHostException(host);
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (String answer : answers) {
                addresses.add(InetAddress.getByName(answer));
            }
            return addresses;
        };
    }

    private static final HostResolver DNS = dns(Map.of(
            "hooks.example.com", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "mixed.example.com", List.of("93.184.215.14", "10.0.0.5"),
            "internal.example.com", List.of("192.168.10.20")));

    @Test
    void aPublicHttpsTargetIsAccepted() throws TargetRefused {
        assertEquals("https://hooks.example.com/pacesetter", new TargetGuard(AllowList.none(), DNS).check("https://hooks.example.com/pacesetter")
                .toString());
    }

    @Test
    void everyResolvedAddressMustBePublicNotJustTheFirst() {
        TargetRefused refused = assertThrows(TargetRefused.class, () -> new TargetGuard(AllowList.none(), DNS).check("https://mixed.example.com/"));
        assertFalse(refused.malformed());
        assertTrue(refused.getMessage().contains("10.0.0.5, a private address"), refused.getMessage());
        assertTrue(refused.getMessage().contains("pacesetter.webhooks.allow"), "says how to allow it: " + refused.getMessage());
    }

    @Test
    void loopbackLinkLocalPrivateAndMappedLiteralsAreRefused() {
        TargetGuard guard = new TargetGuard(AllowList.none(), DNS);
        for (String url : List.of("http://127.0.0.1:8080/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/",
                "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/", "http://0.0.0.0/", "http://100.64.1.1/")) {
            assertThrows(TargetRefused.class, () -> guard.check(url), url);
        }
    }

    @Test
    void theAllowListPermitsNamedHostsAndRangesOnly() throws TargetRefused {
        TargetGuard guard = new TargetGuard(AllowList.parse(List.of("internal.example.com", "127.0.0.1/32", "fd00::/8")), DNS);
        guard.check("http://internal.example.com/hook");
        guard.check("http://INTERNAL.example.com./hook");
        guard.check("http://127.0.0.1:9000/hook");
        guard.check("http://[fd00::7]/hook");
        assertThrows(TargetRefused.class, () -> guard.check("http://127.0.0.2/"), "only the listed range");
        assertThrows(TargetRefused.class, () -> guard.check("http://10.0.0.1/"));
        assertThrows(TargetRefused.class, () -> guard.check("http://[::1]/"));
    }

    @Test
    void aRangeOnTheAllowListCoversNamesThatResolveIntoIt() throws TargetRefused {
        new TargetGuard(AllowList.parse(List.of("192.168.0.0/16")), DNS).check("https://internal.example.com/");
    }

    @Test
    void malformedUrlsAreRefusedAsSuch() {
        TargetGuard guard = new TargetGuard(AllowList.none(), DNS);
        for (String url : List.of("", "ftp://hooks.example.com/", "file:///etc/passwd", "hooks.example.com/x", "https://user:pw@hooks.example.com/",
                "https:///nohost", "http://hooks.example.com/#frag", "gopher://127.0.0.1:25/")) {
            TargetRefused refused = assertThrows(TargetRefused.class, () -> guard.check(url), url);
            assertTrue(refused.malformed(), url + ": " + refused.getMessage());
        }
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThrows(TargetRefused.class, () -> new TargetGuard(AllowList.none(), DNS).check("https://nowhere.example.com/"));
    }

    @Test
    void allowListEntriesAreCheckedAndNeverLookedUp() {
        for (String bad : List.of("10.0.0.0/33", "999.1.1.1", "::1/129", "not a host", "10.0.0.0/x", "1.2.3")) {
            assertThrows(IllegalArgumentException.class, () -> AllowList.parse(List.of(bad)), bad);
        }
        AllowList list = AllowList.parse(List.of(" hooks.internal ", "10.1.0.0/16", "", "2001:db8::/32"));
        assertTrue(list.permitsHost("HOOKS.internal"));
        assertEquals("hooks.internal,10.1.0.0/16,2001:db8::/32", list.toString());
    }

    @Test
    void cidrsMatchByPrefix() throws UnknownHostException {
        Cidr net = Cidr.parse("172.16.0.0/12");
        assertTrue(net.contains(InetAddress.getByName("172.31.0.1")));
        assertFalse(net.contains(InetAddress.getByName("172.32.0.1")));
        assertFalse(net.contains(InetAddress.getByName("fe80::1")), "an IPv6 address never matches an IPv4 range");
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")));
        assertTrue(Cidr.parse("2001:db8::/33").contains(InetAddress.getByName("2001:db8:7fff::1")));
        assertFalse(Cidr.parse("2001:db8::/33").contains(InetAddress.getByName("2001:db8:8000::1")));
    }
}
