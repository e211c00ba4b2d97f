package dev.pacesetter.kernel.internal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: 256 random bits, base64url, with a recognisable prefix ({@code pss_} for sign-in
 * sessions, {@code psa_} for API tokens) so leaked ones are easy to spot. Only the SHA-256 digest is stored.
 */
final class Tokens {

    enum Kind {
        SESSION("pss_"), API("psa_");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String issue(Kind kind) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return kind.prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static boolean looksLikeToken(String token) {
        return token != null && token.length() == 47 && (token.startsWith(Kind.SESSION.prefix) || token.startsWith(Kind.API.prefix));
    }
}
