package io.jkcov.validation;


/** A set of longs: open addressing, linear probing, no boxing. Only add and size. */
final class LongSet {
    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 16];
    private int size;
    private boolean hasZero;

    void add(long v) {
        if (v == EMPTY) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            return;
        }
        if ((size + 1) * 2L > slots.length) grow();
        if (insert(slots, v)) size++;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int i = mix(v) & mask;
        while (true) {
            long s = table[i];
            if (s == EMPTY) {
                table[i] = v;
                return true;
            }
            if (s == v) return false;
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long v : slots) {
            if (v != EMPTY) insert(bigger, v);
        }
        slots = bigger;
    }

    /** PCs are already hashes, but their low bits need not be uniform: spread them. */
    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "LongSet[size=" + size + ", capacity=" + slots.length + "]";
    }
}
