package dev.pacesetter.kernel.internal.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.pacesetter.kernel.internal.net.AllowList;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The SSRF rule: a webhook URL is http or https, names a host, carries no credentials, and every
 * address its host resolves to lies outside the {@link RefusedRange}s unless the {@link AllowList}
 * permits the host or the address. Checked when a webhook is saved and again before every delivery,
 * so a name that later resolves somewhere else (DNS rebinding) is caught too.
 */
final class TargetGuard {

    static final int MAX_URL_LENGTH = 2000;

    private final AllowList allow;
    private final HostResolver resolver;

    TargetGuard(AllowList allow, HostResolver resolver) {
        this.allow = allow;
        this.resolver = resolver;
    }

    /** The URL, parsed, if it may be called now. */
    URI check(String url) throws TargetRefused {
        URI uri = wellFormed(url);
        String host = bareHost(uri);
        if (allow.permitsHost(host)) {
            return uri;
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new TargetRefused("the host " + host + " does not resolve to an address", Message.of("field.url.unresolved", host), false);
        }
        for (InetAddress address : addresses) {
            Optional<RefusedRange> range = AddressClassifier.refusedRange(address);
            if (range.isPresent() && !allow.permitsAddress(address)) {
                throw new TargetRefused(host + " resolves to " + address.getHostAddress() + ", " + range.get().description()
                        + "; webhooks may not reach the server's own machine or network. An administrator can permit it by adding the host"
                        + " or its address range to the setting pacesetter.webhooks.allow",
                        Message.of("field.url.refused_range", host, address.getHostAddress(), Message.of("webhook.range." + range.get().name())), false);
            }
        }
        return uri;
    }

    /** Syntax only: scheme, host, no credentials, no fragment. */
    static URI wellFormed(String url) throws TargetRefused {
        if (url == null || url.isBlank()) {
            throw new TargetRefused("is required", Message.of("field.required"), true);
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new TargetRefused("must be at most " + MAX_URL_LENGTH + " characters", Message.of("field.max_length", MAX_URL_LENGTH), true);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new TargetRefused("is not a valid URL: " + e.getReason(), Message.of("field.url.invalid", String.valueOf(e.getReason())), true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefused("must be an http or https URL", Message.of("field.url.scheme"), true);
        }
        // before the host check: java.net.URI gives no host for some of these (0x7f.1), others it reads its own way (0177.0.0.1)
        Optional<String> ambiguous = Ipv4Spelling.whyAmbiguous(rawHost(uri));
        if (ambiguous.isPresent()) {
            throw new TargetRefused("names an ambiguous host: " + ambiguous.get(), Message.of("field.url.ambiguous", rawHost(uri), ambiguous.get()), false);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new TargetRefused("must name a host, e.g. https://hooks.example.com/pacesetter", Message.of("field.url.host"), true);
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefused("must not carry a user name or password; the signature authenticates the sender", Message.of("field.url.credentials"), true);
        }
        if (uri.getRawFragment() != null) {
            throw new TargetRefused("must not have a fragment (#...)", Message.of("field.url.fragment"), true);
        }
        return uri;
    }

    /** The host as written in the authority (without user info and port), also where java.net.URI found none. */
    static String rawHost(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        return (colon >= 0 ? host.substring(0, colon) : host).toLowerCase(Locale.ROOT);
    }

    /** The host without the brackets of an IPv6 literal. */
    static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
