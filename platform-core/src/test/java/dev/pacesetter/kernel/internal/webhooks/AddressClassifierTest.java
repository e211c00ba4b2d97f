package dev.pacesetter.kernel.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED",
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "::1, LOOPBACK",
            "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "fc00::1, PRIVATE", "fd12:3456::1, PRIVATE", "fec0::1, PRIVATE",
            "100.64.0.1, SHARED", "100.127.255.255, SHARED",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "255.255.255.255, MULTICAST", "ff02::1, MULTICAST",
            // IPv6 forms that lead to an IPv4 address are judged by it
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:10.1.2.3, PRIVATE", "::ffff:169.254.169.254, LINK_LOCAL", "::127.0.0.1, LOOPBACK",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL", "64:ff9b::10.0.0.1, PRIVATE", "2002:7f00:1::1, LOOPBACK", "2002:c0a8:0101::1, PRIVATE"})
    void refusesAddressesInsideTheServersOwnMachineOrNetwork(String address, RefusedRange expected) throws UnknownHostException {
        assertEquals(Optional.of(expected), AddressClassifier.refusedRange(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "192.169.0.1",
            "11.0.0.1", "2606:4700:4700::1111", "2001:db8::1", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:0808:0808::1"})
    void letsPublicAddressesThrough(String address) throws UnknownHostException {
        assertEquals(Optional.empty(), AddressClassifier.refusedRange(InetAddress.getByName(address)));
    }

    @org.junit.jupiter.api.Test
    void aMappedAddressKeptInItsIpv6FormIsJudgedByItsIpv4Address() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 7;
        // Inet6Address.getByAddress keeps the IPv6 form, unlike InetAddress.getByName, which turns it into 10.0.0.7
        InetAddress address = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(16, address.getAddress().length);
        assertEquals(Optional.of(RefusedRange.PRIVATE), AddressClassifier.refusedRange(address));
    }
}
