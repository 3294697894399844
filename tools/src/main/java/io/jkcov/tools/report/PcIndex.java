package io.jkcov.tools.report;

/**
 * PC to int, an open-addressing hash of primitive longs: a trace holds millions of PCs, and
 * boxing each one for a HashMap lookup would cost more than the rest of the report. PCs are
 * already well-mixed hashes (docs/pc-scheme.md), so their low bits index directly; 0 is never a
 * PC and marks a free slot. Grows to stay at most half full.
 */
final class PcIndex {
    private long[] keys;
    private int[] values;
    private int size;

    PcIndex(int expected) {
        int slots = Integer.highestOneBit(Math.max(2, expected) * 2 - 1) << 1;
        keys = new long[slots];
        values = new int[slots];
    }

    /** Maps pc to value unless pc is already present; returns the value pc maps to now. */
    int putIfAbsent(long pc, int value) {
        int mask = keys.length - 1;
        int slot = (int) pc & mask;
        for (long key; (key = keys[slot]) != 0; slot = (slot + 1) & mask) {
            if (key == pc) {
                return values[slot];
            }
        }
        keys[slot] = pc;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    /** The value pc maps to, or -1. */
    int get(long pc) {
        int mask = keys.length - 1;
        int slot = (int) pc & mask;
        for (long key; (key = keys[slot]) != 0; slot = (slot + 1) & mask) {
            if (key == pc) {
                return values[slot];
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }
}
