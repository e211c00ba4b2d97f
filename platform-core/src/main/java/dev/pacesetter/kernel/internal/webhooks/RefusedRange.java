package dev.pacesetter.kernel.internal.webhooks;

import java.util.List;

import dev.pacesetter.kernel.internal.net.Cidr;

/**
 * Address ranges a webhook may not reach unless an administrator allows them: they lead into the
 * server's own machine or network rather than to a receiver on the internet (SSRF).
 */
enum RefusedRange {
    UNSPECIFIED("an unspecified address (0.0.0.0/8, ::)", "0.0.0.0/8", "::/128"),
    LOOPBACK("a loopback address (127.0.0.0/8, ::1)", "127.0.0.0/8", "::1/128"),
    LINK_LOCAL("a link-local address (169.254.0.0/16, fe80::/10), where cloud metadata services live", "169.254.0.0/16", "fe80::/10"),
    PRIVATE("a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, fec0::/10)", "10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "fc00::/7", "fec0::/10"),
    SHARED("a carrier-grade NAT address (100.64.0.0/10)", "100.64.0.0/10"),
    MULTICAST("a multicast or broadcast address (224.0.0.0/4, 240.0.0.0/4, ff00::/8)", "224.0.0.0/4", "240.0.0.0/4", "ff00::/8");

    private final String description;
    private final List<Cidr> ranges;

    RefusedRange(String description, String... ranges) {
        this.description = description;
        this.ranges = java.util.Arrays.stream(ranges).map(Cidr::parse).toList();
    }

    String description() {
        return description;
    }

    boolean contains(byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }
}
