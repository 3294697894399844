package io.jkcov.bench;

import io.jkcov.Kcov;
import io.jkcov.Mode;
import io.jkcov.internal.Trace;
import java.nio.LongBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call of the hot path ({@link Trace}), in ns per call: each invocation makes
 * {@value #N} calls with arguments read from arrays (so nothing constant-folds) and returns a
 * sum of them (so nothing is dead code), and {@link OperationsPerInvocation} divides by N.
 *
 * <p>Two shapes of probe site:
 * <ul>
 *   <li>plain names: the call is inlined into the benchmark's loop, as the JIT inlines a probe
 *       into a hot instrumented loop. The JIT may hoist loop-invariant work (such as the load of
 *       {@code Trace.registered}) out of the loop, exactly as it may in instrumented code.</li>
 *   <li>{@code ...InMethod}: each call sits in its own small method that is never inlined into
 *       the loop, so nothing can be hoisted across calls: the cost of a probe in code that is
 *       entered once per probe. Compare with {@link #emptyStaticCallInMethod}.</li>
 * </ul>
 *
 * <p>The tracing benchmarks record into a 65536-word area (the size in the kernel's kcov.rst
 * example) and store 0 into {@code area[0]} when fewer than N entries are left, at most once per
 * invocation; each iteration checks that the entries were really recorded and none dropped.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TraceBench {

    /** Calls per invocation. */
    static final int N = 1024;

    /** Area size in words, count included. */
    static final int WORDS = 1 << 16;

    // ---- state -------------------------------------------------------------------------------

    /** Arguments: random nonzero PCs and random operands, one array per thread. */
    @State(Scope.Thread)
    public static class Args {
        final long[] pcs = new long[N];
        final int[] left = new int[N];
        final int[] right = new int[N];

        @Setup(Level.Trial)
        public void fill() {
            SplittableRandom r = new SplittableRandom(0x6a6b636f76L ^ Thread.currentThread().getId());
            for (int i = 0; i < N; i++) {
                pcs[i] = r.nextLong() | 1;
                left[i] = r.nextInt();
                right[i] = r.nextInt();
            }
        }
    }

    /**
     * Another thread, idle, with a descriptor enabled: {@code Trace.registered} is nonzero, so a
     * thread that does not trace takes the slow lookup path (currentThread, identity hash, bucket).
     */
    @State(Scope.Benchmark)
    public static class OtherThreadTraces {
        private final CountDownLatch ready = new CountDownLatch(1);
        private final CountDownLatch stop = new CountDownLatch(1);
        private Thread tracer;
        private volatile Throwable failure;

        @Setup(Level.Trial)
        public void start() throws InterruptedException {
            tracer = new Thread(() -> {
                try (Kcov kcov = Kcov.open()) {
                    kcov.initTrace(1024);
                    kcov.enable(Mode.TRACE_PC);
                    ready.countDown();
                    stop.await();
                    kcov.disable();
                } catch (Throwable t) {
                    failure = t;
                    ready.countDown();
                }
            }, "idle-tracer");
            tracer.setDaemon(true);
            tracer.start();
            ready.await();
            if (failure != null) throw new IllegalStateException("idle tracer failed", failure);
        }

        @TearDown(Level.Trial)
        public void end() throws InterruptedException {
            stop.countDown();
            tracer.join();
        }
    }

    /** A descriptor enabled on the benchmark thread (each benchmark thread has its own). */
    @State(Scope.Thread)
    public static class Tracer {
        Kcov kcov;
        LongBuffer area;
        /** Reset when the count exceeds this: fewer than N entries would be left. */
        long resetAbove;
        Mode mode;

        void init(Mode m) {
            mode = m;
            kcov = Kcov.open();
            kcov.initTrace(WORDS);
            area = kcov.area();
            long capacity = m == Mode.TRACE_PC ? WORDS - 1 : (WORDS - 1) / 4;
            resetAbove = capacity - N;
        }

        /** Enabled per iteration, on the thread that runs it (setup runs on the worker thread). */
        @Setup(Level.Iteration)
        public void enable() {
            kcov.reset();
            kcov.enable(mode);
        }

        @TearDown(Level.Iteration)
        public void disableAndCheck() {
            kcov.disable();
            long count = area.get(0);
            if (count <= 0 || kcov.overflowed()) {
                throw new IllegalStateException(mode + ": count " + count + ", overflowed " + kcov.overflowed()
                        + ": the benchmark did not measure recording");
            }
            long first = area.get(1);
            boolean ok = mode == Mode.TRACE_PC ? first != 0 : (first == 4 || first == 5);
            if (!ok) throw new IllegalStateException(mode + ": unexpected first word " + first);
        }

        @TearDown(Level.Trial)
        public void close() {
            kcov.close();
        }

        /** Once per invocation: store 0 into area[0] if fewer than N entries are left. */
        void resetIfNearlyFull() {
            if (area.get(0) > resetAbove) area.put(0, 0);
        }
    }

    @State(Scope.Thread)
    public static class PcTracer extends Tracer {
        @Setup(Level.Trial)
        public void init() {
            init(Mode.TRACE_PC);
        }
    }

    @State(Scope.Thread)
    public static class CmpTracer extends Tracer {
        @Setup(Level.Trial)
        public void init() {
            init(Mode.TRACE_CMP);
        }
    }

    // ---- the baseline: entry points of the same shapes that do nothing -----------------------

    /** Same shape as {@link Trace#pc}: static, void, one long; empty. */
    static void nop(long pc) {}

    /** Same shape as {@link Trace#cmp4} and {@link Trace#constCmp4}; empty. */
    static void nop3(int arg1, int arg2, long pc) {}

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static long siteNop(long pc) {
        nop(pc);
        return pc;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static long sitePc(long pc) {
        Trace.pc(pc);
        return pc;
    }

    // ---- not tracing -------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(N)
    public long emptyStaticCall(Args a) {
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) {
            long pc = pcs[i];
            nop(pc);
            acc += pc;
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long pcNotTracing(Args a) {
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) {
            long pc = pcs[i];
            Trace.pc(pc);
            acc += pc;
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long pcNotTracingWhileAnotherThreadTraces(Args a, OtherThreadTraces other) {
        return pcNotTracing(a);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long emptyStaticCallInMethod(Args a) {
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) acc += siteNop(pcs[i]);
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long pcNotTracingInMethod(Args a) {
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) acc += sitePc(pcs[i]);
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long pcNotTracingWhileAnotherThreadTracesInMethod(Args a, OtherThreadTraces other) {
        return pcNotTracingInMethod(a);
    }

    // ---- tracing -----------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(N)
    public long pcTracing(Args a, PcTracer t) {
        t.resetIfNearlyFull();
        return pcNotTracing(a);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long pcTracingInMethod(Args a, PcTracer t) {
        t.resetIfNearlyFull();
        return pcNotTracingInMethod(a);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @Threads(2)
    public long pcTracing2Threads(Args a, PcTracer t) {
        t.resetIfNearlyFull();
        return pcNotTracing(a);
    }

    /** Baseline for the CMP entry points: the same loop with empty calls. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long emptyCmpCall(Args a) {
        long[] pcs = a.pcs;
        int[] l = a.left;
        int[] r = a.right;
        long acc = 0;
        for (int i = 0; i < N; i += 2) {
            nop3(l[i], r[i], pcs[i]);
            nop3(l[i + 1], r[i + 1], pcs[i + 1]);
            acc += l[i] + r[i + 1] + pcs[i];
        }
        return acc;
    }

    /** Half {@link Trace#cmp4}, half {@link Trace#constCmp4}, alternating. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long cmpTracing(Args a, CmpTracer t) {
        t.resetIfNearlyFull();
        return cmpLoop(a);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @Threads(2)
    public long cmpTracing2Threads(Args a, CmpTracer t) {
        t.resetIfNearlyFull();
        return cmpLoop(a);
    }

    private static long cmpLoop(Args a) {
        long[] pcs = a.pcs;
        int[] l = a.left;
        int[] r = a.right;
        long acc = 0;
        for (int i = 0; i < N; i += 2) {
            Trace.cmp4(l[i], r[i], pcs[i]);
            Trace.constCmp4(l[i + 1], r[i + 1], pcs[i + 1]);
            acc += l[i] + r[i + 1] + pcs[i];
        }
        return acc;
    }
}
