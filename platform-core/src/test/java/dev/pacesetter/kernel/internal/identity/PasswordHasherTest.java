package dev.pacesetter.kernel.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void newHashesAreArgon2idPhcStringsWithOwaspCost() {
        String stored = hasher.hash("correct horse battery".toCharArray());
        assertTrue(stored.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
        assertTrue(hasher.verify("correct horse battery".toCharArray(), stored));
        assertFalse(hasher.verify("correct horse batterY".toCharArray(), stored));
        assertFalse(hasher.needsUpgrade(stored));
        assertNotEquals(stored, hasher.hash("correct horse battery".toCharArray()), "a fresh salt every time");
    }

    @Test
    void theStoredFormIsTheReferenceEncoding() {
        // RFC 9106 parameters written the way the reference implementation's PHC string reads: recompute independently
        String stored = hasher.hash("密码 with ünïcode".toCharArray());
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(0x13).withMemoryAsKB(19456).withIterations(2)
                .withParallelism(1).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes("密码 with ünïcode".getBytes(StandardCharsets.UTF_8), out);
        assertEquals(Base64.getEncoder().encodeToString(expected), Base64.getEncoder().encodeToString(out));
    }

    @Test
    void theHashForUnknownUsersCostsAsMuchAsARealOneAndNothingMatchesIt() {
        String unmatchable = hasher.unmatchable();
        // the same algorithm, cost and lengths as a real hash (newHashesAreArgon2idPhcStringsWithOwaspCost): checking it takes as long
        assertTrue(unmatchable.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), unmatchable);
        assertFalse(hasher.verify("any password".toCharArray(), unmatchable));
        assertFalse(hasher.verify("".toCharArray(), unmatchable));
        assertFalse(hasher.needsUpgrade(unmatchable), "well-formed at the current cost");
        assertNotEquals(unmatchable, hasher.unmatchable(), "random salt and digest each time");
    }

    @Test
    void pbkdf2HashesOfOlderKernelsStillVerifyAndAskForAnUpgrade() {
        String old = Pbkdf2Hash.format("old password 1".toCharArray(), new byte[16], 1_000);
        assertTrue(old.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(hasher.verify("old password 1".toCharArray(), old));
        assertFalse(hasher.verify("old password 2".toCharArray(), old));
        assertTrue(hasher.needsUpgrade(old));
    }

    @Test
    void aWeakerArgon2idCostAsksForAnUpgrade() {
        String weak = new PasswordHasher(new Argon2idHash.Cost(1024, 1, 1)).hash("pw".toCharArray());
        assertTrue(hasher.verify("pw".toCharArray(), weak), "parameters come from the stored string");
        assertTrue(hasher.needsUpgrade(weak));
    }

    @Test
    void malformedOrAbsurdStoredHashesNeverVerify() {
        for (String stored : new String[] {"", "$argon2id$", "$argon2i$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=16$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "$argon2id$v=19$m=99999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$999999999$AAAA$AAAA", "pbkdf2-sha256$x$y$z", "plain"}) {
            assertFalse(hasher.verify("pw".toCharArray(), stored), stored);
            assertTrue(hasher.needsUpgrade(stored) || stored.startsWith("$argon2id$v=19"), stored);
        }
    }

    /** Not an assertion of speed: prints the cost of one sign-in's hash on this machine for the README. */
    @Test
    void measuresOneVerification() {
        String argon = hasher.hash("measure me please".toCharArray());
        String pbkdf2 = Pbkdf2Hash.format("measure me please".toCharArray(), new byte[16], 600_000);
        for (int warm = 0; warm < 3; warm++) {
            hasher.verify("measure me please".toCharArray(), argon);
            hasher.verify("measure me please".toCharArray(), pbkdf2);
        }
        System.out.printf("verify: argon2id m=19MiB t=2 p=1 %.1f ms, pbkdf2-sha256 600k %.1f ms%n", millis(argon), millis(pbkdf2));
    }

    private double millis(String stored) {
        int runs = 10;
        long began = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            assertTrue(hasher.verify("measure me please".toCharArray(), stored));
        }
        return (System.nanoTime() - began) / 1e6 / runs;
    }
}
