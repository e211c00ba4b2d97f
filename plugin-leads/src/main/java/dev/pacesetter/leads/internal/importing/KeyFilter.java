package dev.pacesetter.leads.internal.importing;

/**
 * A Bloom filter of duplicate keys: "certainly not seen" for almost every new row without asking the database,
 * "maybe" (about 1 % false positives at the sized capacity) for the few that then get a real look-up. About 10 bits
 * a key, so a million leads' keys take about 1.2 MB instead of the tens of MB a set of strings would.
 */
final class KeyFilter {

    private static final int HASHES = 7;
    private static final long MAX_BITS = 1L << 30; // 128 MB: beyond ~100 million keys the rate of false positives rises

    private final long[] words;
    private final long bits;

    KeyFilter(long expectedKeys) {
        long wanted = Math.max(1 << 16, Math.min(MAX_BITS, expectedKeys * 10));
        words = new long[(int) ((wanted + 63) / 64)];
        bits = words.length * 64L;
    }

    void add(String key) {
        long h = hash(key);
        long h1 = h & 0xFFFFFFFFL;
        long h2 = h >>> 32;
        for (int i = 0; i < HASHES; i++) {
            long bit = Math.floorMod(h1 + i * h2, bits);
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    boolean mightContain(String key) {
        long h = hash(key);
        long h1 = h & 0xFFFFFFFFL;
        long h2 = h >>> 32;
        for (int i = 0; i < HASHES; i++) {
            long bit = Math.floorMod(h1 + i * h2, bits);
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over the characters, then a final mix (the two halves serve as independent hashes). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
