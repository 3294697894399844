package io.jkcov.internal;

import io.jkcov.internal.Trace.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Benchmarks only (it lives in the benchmarks module, in the runtime's package, to reach
 * package-private members): the runtime's hot path taken apart, so that
 * {@code io.jkcov.bench.HotPathAnatomy} can time each half of {@code Trace.pc} and compare the
 * area write with variants. Nothing here is used by jkcov itself.
 */
public final class BenchAccess {

    private BenchAccess() {}

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** The calling thread's task, as the hot path finds it (a copy of {@code Trace.task()}). */
    public static Task lookup() {
        Thread self = Thread.currentThread();
        Trace.Few f = Trace.FEW.few;
        if (f.t0 == self) return f.k0;
        if (f.t1 == self) return f.k1;
        if (f.t2 == self) return f.k2;
        if (f.t3 == self) return f.k3;
        return f.all ? null : Trace.taskByHash(self);
    }

    /** The second half of {@code Trace.pc}: the mode check and the area write, task known. */
    public static void writePc(Task t, long pc) {
        if (t != null && t.mode == Trace.TRACE_PC) Trace.writePc(t, pc);
    }

    public static int mode(Task t) {
        return t == null ? Trace.OFF : t.mode;
    }

    /** The same append (opaque count load, entry, release count store) into an on-heap long[]. */
    public static void writePcLongArray(long[] area, long pc) {
        long count = (long) LONGS.getOpaque(area, 0);
        if (count >= 0 && count < area.length - 1) {
            LONGS.set(area, (int) count + 1, pc);
            LONGS.setRelease(area, 0, count + 1);
        }
    }
}
