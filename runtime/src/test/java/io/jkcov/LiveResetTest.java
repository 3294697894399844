package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * A reader's reset reaches a thread that records in a loop the JIT has compiled (kcov-model.md
 * section 2: storing 0 into area[0] at any time starts a new trace). The hot path loads the count
 * with a plain load and stores it through a second view (Trace's class comment); if the JIT could
 * carry the count from one call to the next, or load it once before the loop, a reset would be
 * seen only where the loop leaves compiled code, here at the start of a burst, or never.
 */
class LiveResetTest {

    private static final int BURST = 1 << 20;
    private static final int RESETS = 5;

    private static final long WORDS = 4096;

    private static volatile boolean stop;
    private static volatile long bursts;

    /** One compiled loop of probes with no barrier of its own; the PCs count up across bursts. */
    private static void burst(long base) {
        for (int i = 1; i <= BURST; i++) Trace.pc(base + i);
    }

    /** The same loop, for the test that runs it only while the area is full. */
    private static void burstWhileFull(long base) {
        for (int i = 1; i <= BURST; i++) Trace.pc(base + i);
    }

    /** A thread that enables {@code kcov} and runs bursts until {@link #stop}; counts them. */
    private static final class Recorder extends Thread {
        private final Kcov kcov;
        private final boolean startFull;
        private final LongConsumer burst;
        private volatile Throwable failure;

        Recorder(Kcov kcov, boolean startFull, LongConsumer burst) {
            super("recorder");
            this.kcov = kcov;
            this.startFull = startFull;
            this.burst = burst;
            stop = false;
            bursts = 0;
        }

        @Override
        public void run() {
            try {
                kcov.enable(Mode.TRACE_PC);
                if (startFull) kcov.area().put(0, WORDS - 1); // full before the loop's first probe
                for (long b = 0; !stop; b++) {
                    burst.accept(b * BURST);
                    bursts = b + 1;
                }
                kcov.disable();
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Stops the bursts and waits for the thread; fails with what it threw. */
        void finish() throws InterruptedException {
            stop = true;
            join();
            assertNull(failure);
        }
    }

    @Test
    void a_reset_reaches_a_loop_that_records_in_compiled_code() throws Exception {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(WORDS);
            Recorder recorder = new Recorder(kcov, false, LiveResetTest::burst);
            recorder.start();
            List<Long> firstAfterReset = new ArrayList<>();
            try {
                // Enough bursts for C2 to compile burst() with Trace.pc inlined into its loop.
                awaitTrue(() -> bursts >= 100, "the recorder runs");
                for (int r = 0; r < RESETS; r++) {
                    long before = bursts;
                    awaitTrue(() -> kcov.count() == WORDS - 1, "the area fills up");
                    kcov.reset();
                    awaitTrue(() -> kcov.count() > 0, "recording starts again after reset " + r);
                    firstAfterReset.add(kcov.area().get(1));
                    awaitTrue(() -> bursts > before, "a burst ends");
                }
            } finally {
                recorder.finish();
            }
            assertEquals(RESETS, firstAfterReset.size());
            // A reset seen inside a burst restarts at any PC; one seen only when a burst starts
            // restarts at a burst's first PC (base + 1) every time.
            assertTrue(firstAfterReset.stream().anyMatch(pc -> (pc - 1) % BURST != 0),
                    "the resets were seen only between bursts: " + firstAfterReset);
        }
    }

    /**
     * The loop is compiled while every probe in it finds the area full, so C2 compiles the
     * storing branch as a trap and the loop as one that writes no area memory; the count must
     * still be loaded on every call (the fence on the overflow path) for the reset to be seen
     * inside a burst.
     */
    @Test
    void a_reset_reaches_a_loop_compiled_while_the_area_was_full() throws Exception {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(WORDS);
            Recorder recorder = new Recorder(kcov, true, LiveResetTest::burstWhileFull);
            recorder.start();
            long first;
            try {
                awaitTrue(() -> bursts >= 200, "the recorder runs");
                assertEquals(WORDS - 1, kcov.count(), "nothing was recorded while the area was full");
                kcov.reset();
                awaitTrue(() -> kcov.count() > 0, "recording starts again after the reset");
                first = kcov.area().get(1);
            } finally {
                recorder.finish();
            }
            assertTrue(kcov.overflowed());
            // Seen only when a burst starts, the reset would restart at a burst's first PC; the
            // chance that a reset seen in a burst lands exactly there is one in BURST.
            assertTrue((first - 1) % BURST != 0, "the reset was seen only between bursts: first PC " + first);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting: " + what);
            Thread.sleep(1);
        }
    }
}
