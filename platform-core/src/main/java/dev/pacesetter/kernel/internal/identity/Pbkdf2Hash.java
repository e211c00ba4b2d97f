package dev.pacesetter.kernel.internal.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The format passwords were stored in before Argon2id: {@code pbkdf2-sha256$iterations$salt$hash}
 * (PBKDF2-HMAC-SHA256, standard Base64 without padding). Only verified, never written any more: a user
 * whose hash is in this form gets an Argon2id one on their next successful sign-in.
 */
final class Pbkdf2Hash {

    static final String PREFIX = "pbkdf2-sha256";
    private static final int KEY_BITS = 256;
    /** Refuses stored work factors that would make one sign-in take minutes (a corrupted or forged row). */
    private static final int MAX_ITERATIONS = 10_000_000;

    private Pbkdf2Hash() {
    }

    static boolean isPbkdf2(String stored) {
        return stored.startsWith(PREFIX + "$");
    }

    /** Constant-time check; false for anything malformed. */
    static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            if (rounds < 1 || rounds > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes the old format; tests use it to store a user as an older version of the kernel did. */
    static String format(char[] password, byte[] salt, int rounds) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + rounds + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, rounds));
    }

    private static byte[] derive(char[] password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
