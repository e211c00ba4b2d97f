package dev.pacesetter.kernel.internal.webhooks;

import java.util.Optional;

/**
 * Finds hosts that some software reads as an IPv4 address but that are not written in the one canonical
 * form (four decimal numbers 0–255, no leading zeros): {@code 0177.0.0.1}, {@code 0x7f.1},
 * {@code 2130706433}, {@code 127.1}, {@code 1.2.3.4.}. Resolvers disagree about them — Java reads
 * {@code 0177.0.0.1} as the public 177.0.0.1, C's {@code inet_aton}, curl and browsers as 127.0.0.1 — so the
 * address checked is not necessarily the one a proxy or a later library calls. Such a host is refused, not
 * interpreted. The rule follows the WHATWG URL standard's "ends in a number": a host whose last label is
 * a number (decimal, or 0x hex) is an IPv4 address, and then it must be canonical.
 */
final class Ipv4Spelling {

    private Ipv4Spelling() {
    }

    /** Why the host is an ambiguous IPv4 spelling; empty for names and canonical dotted-quad addresses. */
    static Optional<String> whyAmbiguous(String host) {
        if (host == null || host.isEmpty() || host.contains(":")) {
            return Optional.empty(); // no host, or an IPv6 literal: parsed strictly elsewhere
        }
        String[] labels = host.split("\\.", -1);
        int last = labels.length - 1;
        if (last > 0 && labels[last].isEmpty()) {
            last--; // "1.2.3.4." ends in a number too
        }
        if (!isNumber(labels[last])) {
            return Optional.empty();
        }
        if (labels.length != 4) {
            return Optional.of("it is an IPv4 address written in " + labels.length + " part(s)" + (host.endsWith(".") ? " with a trailing dot" : "")
                    + "; write the address as four decimal numbers, such as 192.0.2.10");
        }
        for (String label : labels) {
            if (!label.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(label) > 255) {
                return Optional.of("its part '" + label + "' is not a plain decimal number from 0 to 255 (octal, hex and leading zeros are read"
                        + " differently by different resolvers); write the address as four decimal numbers, such as 192.0.2.10");
            }
        }
        return Optional.empty();
    }

    /** A label the WHATWG IPv4 parser takes as a number: decimal digits, or 0x/0X followed by hex digits (or nothing). */
    private static boolean isNumber(String label) {
        if (label.matches("[0-9]+")) {
            return true;
        }
        return label.length() >= 2 && label.charAt(0) == '0' && (label.charAt(1) == 'x' || label.charAt(1) == 'X')
                && label.substring(2).matches("[0-9A-Fa-f]*");
    }
}
