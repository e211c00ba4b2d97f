package dev.pacesetter.kernel.internal.identity;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Hashes new passwords with Argon2id — OWASP's first choice, memory-hard so that guessing on GPUs costs
 * memory as well as time — at OWASP's recommended cost (19 MiB, 2 passes, 1 lane) with a 16-byte random
 * salt and a 32-byte hash, stored as a self-describing PHC string. Verifies those and the PBKDF2 hashes
 * older kernels wrote, and says when a stored hash should be replaced (old format or lower cost), so
 * sign-in can upgrade it while it has the clear password. Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP Password Storage Cheat Sheet, Argon2id: m=19 MiB, t=2, p=1. */
    static final Argon2idHash.Cost OWASP = new Argon2idHash.Cost(19 * 1024, 2, 1);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Argon2idHash.Cost cost;

    public PasswordHasher() {
        this(OWASP);
    }

    PasswordHasher(Argon2idHash.Cost cost) {
        this.cost = cost;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return Argon2idHash.format(cost, salt, Argon2idHash.derive(password, salt, cost, HASH_BYTES));
    }

    /**
     * A stored hash that no password verifies against, yet costs as much to check as a real one: the current cost, a
     * random salt and a random digest. Unknown user names are checked against it, so that timing does not tell which
     * names exist. Nothing is derived: the digest only has to be unguessable, not the hash of anything.
     */
    public String unmatchable() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] digest = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(digest);
        return Argon2idHash.format(cost, salt, digest);
    }

    /** Constant-time check against either stored format; false for anything malformed. */
    public boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        if (Pbkdf2Hash.isPbkdf2(stored)) {
            return Pbkdf2Hash.matches(password, stored);
        }
        return Argon2idHash.parse(stored).map(parsed -> Argon2idHash.matches(password, parsed)).orElse(false);
    }

    /** Whether a hash that just verified should be replaced by {@link #hash(char[])}: another format or a weaker cost. */
    public boolean needsUpgrade(String stored) {
        Optional<Argon2idHash.Parsed> parsed = Argon2idHash.parse(stored);
        if (parsed.isEmpty()) {
            return true;
        }
        Argon2idHash.Cost have = parsed.get().cost();
        return have.memoryKiB() < cost.memoryKiB() || have.iterations() < cost.iterations() || parsed.get().hash().length < HASH_BYTES;
    }
}
