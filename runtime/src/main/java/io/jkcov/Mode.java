package io.jkcov;

import io.jkcov.internal.Trace;

/** What a {@link Kcov} records; the values are KCOV's (KCOV_TRACE_PC = 0, KCOV_TRACE_CMP = 1). */
public enum Mode {
    /** A PC for every basic block executed, in order, repeats included. */
    TRACE_PC(Trace.TRACE_PC),
    /** A 4-word record (type, arg1, arg2, ip) for every integer comparison and switch case. */
    TRACE_CMP(Trace.TRACE_CMP);

    private final int value;

    Mode(int value) {
        this.value = value;
    }

    /** The KCOV mode number. */
    public int value() {
        return value;
    }
}
