package io.jkcov.instrument;

/**
 * A 64-bit finaliser: a bijection on longs in which every input bit affects every output bit
 * with probability close to 1/2. Two xor-shift-multiply rounds with the multipliers and shifts
 * of David Stafford's "Mix13" (published in his 2011 note "Better Bit Mixing", the variant the
 * SplitMix64 generator also uses). Being a bijection matters: distinct inputs never collide.
 */
final class Mix {

    private Mix() {}

    static long finish(long x) {
        x ^= x >>> 30;
        x *= 0xBF58_476D_1CE4_E5B9L;
        x ^= x >>> 27;
        x *= 0x94D0_49BB_1331_11EBL;
        return x ^ (x >>> 31);
    }
}
