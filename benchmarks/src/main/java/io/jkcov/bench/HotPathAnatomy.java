package io.jkcov.bench;

import io.jkcov.internal.BenchAccess;
import io.jkcov.internal.Tasks;
import io.jkcov.internal.Trace.Task;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Investigation, not a target: where the time of one recorded PC ({@link TraceBench#pcTracing})
 * goes. Each benchmark is the pcTracing loop with part of {@code Trace.pc} done differently:
 * <ul>
 *   <li>{@code lookupOnly}: the task lookup alone ({@code currentThread} compared with the
 *       four-slot snapshot) and the mode check per call, nothing written (its loop also has an
 *       acquire fence, which costs no instruction on x86, so that the lookup is not hoisted);</li>
 *   <li>{@code writeOnly}: the area write alone ({@code Trace.writePc}), task looked up once per
 *       invocation;</li>
 *   <li>{@code writeLongArray}: the same append (opaque count load, entry, release count store)
 *       into an on-heap {@code long[]} through an array VarHandle: a control with no jkcov code.</li>
 * </ul>
 * The {@code 2Threads} variants run the same on two threads, each with its own area: with
 * {@code writeLongArray2Threads}, which runs no jkcov code and shares nothing, they separate what
 * the machine gives two threads from what the runtime costs them.
 * Run with {@code java -jar benchmarks.jar HotPathAnatomy}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class HotPathAnatomy {

    static final int N = TraceBench.N;

    @State(Scope.Thread)
    public static class Heap {
        final long[] area = new long[TraceBench.WORDS];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long lookupOnly(TraceBench.Args a, TraceBench.PcTracer t) {
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) {
            acc += pcs[i] + BenchAccess.mode(BenchAccess.lookup());
            // a compiler-only barrier on x86 (no instruction), so that the lookup is redone per
            // call and not hoisted: the cost of a probe that is not in the same compiled loop as
            // the last (in pcTracing, which has no fence since 2026-12-07, C2 hoists it)
            VarHandle.acquireFence();
        }
        t.resetIfNearlyFull();
        io.jkcov.internal.Trace.pc(acc | 1); // one real record per invocation, for the iteration's check
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long writeOnly(TraceBench.Args a, TraceBench.PcTracer t) {
        t.resetIfNearlyFull();
        Task task = Tasks.current();
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) {
            long pc = pcs[i];
            BenchAccess.writePc(task, pc);
            acc += pc;
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @Threads(2)
    public long writeOnly2Threads(TraceBench.Args a, TraceBench.PcTracer t) {
        return writeOnly(a, t);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long writeLongArray(TraceBench.Args a, Heap h) {
        long[] area = h.area;
        if (area[0] > area.length - 1 - N) area[0] = 0;
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) {
            long pc = pcs[i];
            BenchAccess.writePcLongArray(area, pc);
            acc += pc;
        }
        return acc;
    }

    /**
     * A second control: independent arithmetic per element (a 64-bit mix), bound by instruction
     * throughput rather than by a chain of latencies, touching no shared memory.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public long alu(TraceBench.Args a) {
        long[] pcs = a.pcs;
        long acc = 0;
        for (int i = 0; i < N; i++) {
            long z = pcs[i];
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
            acc += z ^ (z >>> 33);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @Threads(2)
    public long alu2Threads(TraceBench.Args a) {
        return alu(a);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    @Threads(2)
    public long lookupOnly2Threads(TraceBench.Args a, TraceBench.PcTracer t) {
        return lookupOnly(a, t);
    }

    /** The control for the two-thread ratio: the same append, no jkcov code, no shared state. */
    @Benchmark
    @OperationsPerInvocation(N)
    @Threads(2)
    public long writeLongArray2Threads(TraceBench.Args a, Heap h) {
        return writeLongArray(a, h);
    }
}
