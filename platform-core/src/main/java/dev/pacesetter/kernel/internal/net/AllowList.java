package dev.pacesetter.kernel.internal.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The administrator's exceptions to the SSRF rule ({@code pacesetter.webhooks.allow}): host names,
 * matched exactly and case-insensitively, and CIDRs or single addresses. Immutable.
 */
public final class AllowList {

    private final Set<String> hosts = new TreeSet<>();
    private final List<Cidr> ranges = new ArrayList<>();

    private AllowList() {
    }

    public static AllowList none() {
        return new AllowList();
    }

    /** @throws IllegalArgumentException naming the first entry that is neither a host name nor an address or CIDR */
    public static AllowList parse(List<String> entries) {
        AllowList list = new AllowList();
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.matches("[0-9.]+(/\\d+)?") || trimmed.contains(":") || trimmed.contains("/")) {
                list.ranges.add(Cidr.parse(trimmed));
            } else if (trimmed.matches("(?i)[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*\\.?")) {
                list.hosts.add(normalise(trimmed));
            } else {
                throw new IllegalArgumentException("'" + entry + "' is neither a host name nor an IP address or CIDR");
            }
        }
        return list;
    }

    public boolean permitsHost(String host) {
        return hosts.contains(normalise(host));
    }

    public boolean permitsAddress(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(hosts);
        ranges.forEach(range -> all.add(range.text()));
        return String.join(",", all);
    }
}
