package dev.pacesetter.kernel.internal.webhooks;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

import dev.pacesetter.kernel.internal.net.Cidr;

/**
 * Says whether an address lies in a {@link RefusedRange}. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96} and
 * 6to4 {@code 2002::/16}) are judged by the IPv4 address inside, since that is where they lead.
 */
final class AddressClassifier {

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private AddressClassifier() {
    }

    static Optional<RefusedRange> refusedRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<RefusedRange> own = classify(bytes);
        if (own.isPresent() || bytes.length == 4) {
            return own;
        }
        return embeddedIpv4(bytes).flatMap(AddressClassifier::classify);
    }

    private static Optional<RefusedRange> classify(byte[] bytes) {
        return Arrays.stream(RefusedRange.values()).filter(range -> range.contains(bytes)).findFirst();
    }

    /** The IPv4 address an IPv6 address stands for, if it is one of the forms that carry one. */
    static Optional<byte[]> embeddedIpv4(byte[] v6) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= v6[i] == 0;
        }
        boolean mapped = firstTenZero && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && v6[10] == 0 && v6[11] == 0;
        if (mapped || compatible || NAT64.contains(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (SIX_TO_FOUR.contains(v6)) {
            return Optional.of(Arrays.copyOfRange(v6, 2, 6));
        }
        return Optional.empty();
    }
}
