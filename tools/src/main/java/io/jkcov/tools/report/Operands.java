package io.jkcov.tools.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The operand pairs one comparison was seen with in a TRACE_CMP trace: the distinct pairs in
 * the order first seen, up to {@link #CAP}, since a hot loop compares millions of values and a
 * report can show only a few. A switch's records (one per case, kcov-model.md section 3) land
 * here too: the same value against each case constant.
 */
final class Operands {
    static final int CAP = 8;

    private long type;
    private final long[] pairs = new long[2 * CAP];
    private int size;
    private boolean more;

    void add(long recordType, long arg1, long arg2) {
        type = recordType;
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i] == arg1 && pairs[2 * i + 1] == arg2) {
                return;
            }
        }
        if (size == CAP) {
            more = true;
            return;
        }
        pairs[2 * size] = arg1;
        pairs[2 * size + 1] = arg2;
        size++;
    }

    /** Whether arg1 is a compile-time constant (KCOV_CMP_CONST). */
    boolean constant() {
        return (type & 1) != 0;
    }

    /** Each pair, hex as the runtime zero-extended it: the value first, then what it was compared with. */
    List<String> shown() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long arg1 = pairs[2 * i];
            long arg2 = pairs[2 * i + 1];
            out.add(constant() ? hex(arg2) + " vs constant " + hex(arg1) : hex(arg1) + " vs " + hex(arg2));
        }
        return out;
    }

    /** Whether distinct pairs beyond {@link #CAP} were seen and not kept. */
    boolean more() {
        return more;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
