package io.jkcov.internal;

import io.jkcov.internal.Trace.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
        Trace.Few f = Trace.few;
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

    // ---- the write path of 74a90c4, for a side-by-side run ---------------------------------
    // The lookup is the runtime's; the write goes through the area's ByteBuffer view VarHandle
    // (opaque count load, plain entries, release count store) into a second mapping of the same
    // area file, given by the caller, as Trace did before the LongBuffer view.

    private static final VarHandle WORDS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    public static void oldPc(ByteBuffer area, long words, long pc) {
        if (Trace.registered != 0) {
            Task t = lookup();
            if (t != null && t.mode == Trace.TRACE_PC) oldWritePc(t, area, words, pc);
        }
    }

    public static void oldCmp4(ByteBuffer area, long words, int arg1, int arg2, long pc) {
        if (Trace.registered != 0) oldRecordCmp4(area, words, 4, arg1, arg2, pc);
    }

    public static void oldConstCmp4(ByteBuffer area, long words, int arg1, int arg2, long pc) {
        if (Trace.registered != 0) oldRecordCmp4(area, words, 5, arg1, arg2, pc);
    }

    private static void oldRecordCmp4(ByteBuffer area, long words, int type, int arg1, int arg2, long ip) {
        Task t = lookup();
        if (t != null && t.mode == Trace.TRACE_CMP) {
            oldWriteCmp(t, area, words, type, arg1 & 0xFFFF_FFFFL, arg2 & 0xFFFF_FFFFL, ip);
        }
    }

    private static void oldWritePc(Task t, ByteBuffer area, long words, long pc) {
        long count = (long) WORDS.getOpaque(area, 0);
        if (count >= 0 && count < words - 1) {
            WORDS.set(area, (int) ((count + 1) << 3), pc);
            WORDS.setRelease(area, 0, count + 1);
        } else {
            t.overflow = true;
        }
    }

    private static void oldWriteCmp(Task t, ByteBuffer area, long words, long type, long arg1, long arg2, long ip) {
        long count = (long) WORDS.getOpaque(area, 0);
        if (count >= 0 && count < (words - 1) >> 2) {
            int at = (int) ((1 + (count << 2)) << 3);
            WORDS.set(area, at, type);
            WORDS.set(area, at + 8, arg1);
            WORDS.set(area, at + 16, arg2);
            WORDS.set(area, at + 24, ip);
            WORDS.setRelease(area, 0, count + 1);
        } else {
            t.overflow = true;
        }
    }
}
