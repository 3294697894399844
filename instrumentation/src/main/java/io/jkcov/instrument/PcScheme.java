package io.jkcov.instrument;

/**
 * The stable PC of a probe (kcov-model.md section 6; docs/pc-scheme.md): a function of the
 * class file's bytes and the probe's position in them, and of nothing else, so the same bytes
 * give the same PCs in every run, class loader and load order, and offline.
 *
 * <pre>
 *   position = methodIndex &lt;&lt; 32 | instructionIndex &lt;&lt; 2 | kind.ordinal()
 *   pc       = finish(classHash(bytes) ^ finish(position + POSITION_SALT))
 * </pre>
 *
 * Every part of {@code position} fits its field: methods_count is a u2 (JVMS 4.1), and a method's
 * code is at most 65535 bytes (JVMS 4.7.3), so it holds fewer than 2^16 instructions. Because
 * {@link Mix#finish} is a bijection, the PCs of one class never collide; across classes they
 * behave like random 64-bit values. Zero is reserved (KCOV's "no PC"); the one position per
 * class that might hash to it (a 2^-64 chance) gets {@link #ZERO_STAND_IN} instead.
 */
final class PcScheme {

    /** Keeps the position of the first probe of a class (all zero bits) off the fixed point 0. */
    private static final long POSITION_SALT = 0x243F_6A88_85A3_08D3L; // frac(pi)
    static final long ZERO_STAND_IN = 0x5851_F42D_4C95_7F2DL;

    private PcScheme() {}

    static long pc(long classHash, int methodIndex, int instructionIndex, PcEntry.Kind kind) {
        long position = ((long) methodIndex << 32) | ((long) instructionIndex << 2) | kind.ordinal();
        long pc = Mix.finish(classHash ^ Mix.finish(position + POSITION_SALT));
        return pc != 0 ? pc : ZERO_STAND_IN;
    }
}
