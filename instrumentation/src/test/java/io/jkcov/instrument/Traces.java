package io.jkcov.instrument;

import io.jkcov.Kcov;
import io.jkcov.Mode;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;

/** Runs code with the real runtime recording on the calling thread, and returns what it wrote. */
final class Traces {

    /** Code under trace; may throw anything, which is rethrown after tracing stops. */
    interface Body {
        void run() throws Throwable;
    }

    /** One TRACE_CMP record, as the area holds it. */
    record Cmp(long type, long arg1, long arg2, long ip) {}

    private static final int WORDS = 1 << 16;

    private Traces() {}

    static long[] pcs(Body body) throws Throwable {
        long[] words = record(Mode.TRACE_PC, body);
        long[] pcs = new long[(int) words[0]];
        System.arraycopy(words, 1, pcs, 0, pcs.length);
        return pcs;
    }

    static List<Cmp> cmps(Body body) throws Throwable {
        long[] words = record(Mode.TRACE_CMP, body);
        List<Cmp> records = new ArrayList<>();
        for (int i = 0; i < words[0]; i++) {
            int at = 1 + 4 * i;
            records.add(new Cmp(words[at], words[at + 1], words[at + 2], words[at + 3]));
        }
        return records;
    }

    /** The area's words, count first, after body ran with tracing enabled. */
    private static long[] record(Mode mode, Body body) throws Throwable {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(WORDS);
            kcov.enable(mode);
            kcov.reset();
            Throwable thrown = null;
            try {
                body.run();
            } catch (Throwable t) {
                thrown = t;
            } finally {
                kcov.disable();
            }
            if (thrown != null) {
                throw thrown;
            }
            LongBuffer area = kcov.area();
            long count = area.get(0);
            long used = 1 + (mode == Mode.TRACE_PC ? count : 4 * count);
            long[] words = new long[(int) used];
            area.get(0, words);
            return words;
        }
    }
}
