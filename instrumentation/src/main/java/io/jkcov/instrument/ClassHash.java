package io.jkcov.instrument;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit hash of a whole class file: the class's half of every stable PC (docs/pc-scheme.md).
 *
 * <p>Not cryptographic; it only has to spread real class files evenly over 64 bits. Each 8-byte
 * little-endian word is scrambled by an odd multiplier (a bijection, so two different words
 * never scramble alike), xored into the state, rotated so high product bits feed low bits, and
 * multiplied again. The length goes in last, so that zero padding of the tail cannot make two
 * lengths alike, and {@link Mix#finish} makes every input bit reach every output bit.
 */
final class ClassHash {

    private static final VarHandle WORD =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Odd multipliers with no structure: the first is 2^64 / the golden ratio, rounded odd. */
    private static final long SCRAMBLE = 0x9E37_79B9_7F4A_7C15L;
    private static final long STEP = 0xD6E8_FEB8_6659_FD93L;
    private static final long SEED = 0x6A09_E667_F3BC_C909L; // frac(sqrt 2): no zero state

    private ClassHash() {}

    static long of(byte[] bytes) {
        long h = SEED;
        int whole = bytes.length & ~7;
        for (int i = 0; i < whole; i += 8) {
            h = step(h, (long) WORD.get(bytes, i));
        }
        if (whole < bytes.length) {
            long tail = 0;
            for (int i = bytes.length - 1; i >= whole; i--) {
                tail = (tail << 8) | (bytes[i] & 0xFF);
            }
            h = step(h, tail);
        }
        return Mix.finish(h ^ (bytes.length * SCRAMBLE));
    }

    private static long step(long h, long word) {
        return Long.rotateLeft(h ^ (word * SCRAMBLE), 27) * STEP;
    }
}
