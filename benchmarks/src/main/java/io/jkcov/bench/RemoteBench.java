package io.jkcov.bench;

import io.jkcov.Carry;
import io.jkcov.Kcov;
import io.jkcov.KcovRemote;
import io.jkcov.Mode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of an empty remote section (docs/remote.md): {@code kcov_remote_start} / {@code
 * kcov_remote_stop} around nothing, on a thread that is not the owner. The owner is a thread of
 * its own, started in setup: it opens a descriptor, calls {@code remoteEnable} with a
 * registered handle and a common handle, captures a task with {@link Carry#capture} (so the task
 * carries the common handle), then waits until teardown; it must stay alive, since an owner that
 * ends is disabled. Sections record nothing here (no instrumented code runs inside), so what is
 * measured is the bookkeeping alone: the registry lookup, the section buffer from the pool, and
 * the append of zero entries at stop. Needs only jkcov-runtime on the class path, no agent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("try") // the sections are empty on purpose
public class RemoteBench {

    /** Registered by the owner: subsystem 0x42 (the application's), instance 1. */
    static final long REGISTERED = KcovRemote.handle(0x42, 1);
    /** Never registered. */
    static final long UNREGISTERED = KcovRemote.handle(0x42, 2);
    /** The owner's common handle. */
    static final long COMMON = KcovRemote.handle(KcovRemote.SUBSYSTEM_COMMON, 7);

    /** A task captured on the owner's thread: it carries {@link #COMMON}. */
    final Object carried = new Object();
    /** A task never captured: {@link Carry#enter} finds nothing and returns an inert section. */
    final Object notCarried = new Object();

    private Thread owner;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    @Setup
    public void setUp() throws InterruptedException {
        owner = new Thread(() -> {
            try (Kcov kcov = Kcov.open()) {
                kcov.initTrace(1 << 16);
                kcov.remoteEnable(Mode.TRACE_PC, 1 << 10, new long[] {REGISTERED}, COMMON);
                Carry.capture(carried);
                ready.countDown();
                done.await();
                kcov.disable();
            } catch (Throwable t) {
                failure = t;
                ready.countDown();
            }
        }, "remote-bench-owner");
        owner.setDaemon(true);
        owner.start();
        ready.await();
        if (failure != null) throw new IllegalStateException("owner setup failed", failure);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        done.countDown();
        owner.join();
    }

    /** kcov_remote_start / stop of a registered handle, empty body: a section opens and closes. */
    @Benchmark
    public void startStopRegistered() {
        try (KcovRemote.Section s = KcovRemote.start(REGISTERED)) {
            // empty: the cost of the section alone
        }
    }

    /** The same with a handle no descriptor registered: a registry miss, an inert section. */
    @Benchmark
    public void startStopUnregistered() {
        try (KcovRemote.Section s = KcovRemote.start(UNREGISTERED)) {
            // empty
        }
    }

    /** What the propagation hooks do where a carried task runs: lookup of the capture + section. */
    @Benchmark
    public void carryEnterCaptured() {
        try (KcovRemote.Section s = Carry.enter(carried)) {
            // empty
        }
    }

    /** The hook for a task submitted with no capture (a miss in the capture table). */
    @Benchmark
    public void carryEnterNotCaptured() {
        try (KcovRemote.Section s = Carry.enter(notCarried)) {
            // empty
        }
    }

    /** KcovRemote.enter of a captured handle, without the capture-table lookup. */
    @Benchmark
    public void remoteEnterCommonHandle() {
        try (KcovRemote.Section s = KcovRemote.enter(COMMON)) {
            // empty
        }
    }
}
