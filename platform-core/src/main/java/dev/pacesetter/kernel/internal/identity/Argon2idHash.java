package dev.pacesetter.kernel.internal.identity;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) from Bouncy Castle, stored as a PHC string
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (standard Base64 without padding, as
 * the reference implementation writes it). The string names its own parameters, so raising them later
 * leaves old hashes verifiable and lets sign-in notice that one needs upgrading.
 */
final class Argon2idHash {

    static final String ID = "argon2id";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    /** Work factors: memory in KiB, passes, lanes. */
    record Cost(int memoryKiB, int iterations, int parallelism) {
        Cost {
            // bounds keep a forged or corrupted stored hash from making one sign-in cost gigabytes or minutes
            if (memoryKiB < 8 * parallelism || memoryKiB > 1 << 20 || iterations < 1 || iterations > 100 || parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKiB + ", t=" + iterations + ", p=" + parallelism);
            }
        }
    }

    /** One parsed PHC string. */
    record Parsed(Cost cost, byte[] salt, byte[] hash) {
    }

    private Argon2idHash() {
    }

    static String format(Cost cost, byte[] salt, byte[] hash) {
        return "$" + ID + "$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Empty for anything that is not a well-formed Argon2id version 19 PHC string with sane parameters. */
    static Optional<Parsed> parse(String stored) {
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new Parsed(cost, Base64.getDecoder().decode(m.group(4)), Base64.getDecoder().decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] derive(char[] password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB()).withIterations(cost.iterations()).withParallelism(cost.parallelism()).withSalt(salt).build());
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static boolean matches(char[] password, Parsed stored) {
        return MessageDigest.isEqual(stored.hash(), derive(password, stored.salt(), stored.cost(), stored.hash().length));
    }

    /** UTF-8 bytes without an intermediate String, so the clear password can be wiped. */
    private static byte[] utf8(char[] password) {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
