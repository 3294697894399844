package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reader's reset reaches a thread that records in a loop the JIT has compiled (kcov-model.md
 * section 2: storing 0 into area[0] at any time starts a new trace). The hot path loads the count
 * with a plain load after a fence (docs/hot-path.md); if the JIT could carry the count from one
 * call to the next, a reset would be seen only where the loop leaves compiled code, here at the
 * start of a burst, or never.
 */
class LiveResetTest {

    private static final int BURST = 1 << 20;
    private static final int RESETS = 5;

    private static volatile boolean stop;
    private static volatile long bursts;

    /** One compiled loop of probes with no barrier of its own; the PCs count up across bursts. */
    private static void burst(long base) {
        for (int i = 1; i <= BURST; i++) Trace.pc(base + i);
    }

    @Test
    void a_reset_reaches_a_loop_that_records_in_compiled_code() throws Exception {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(4096);
            Throwable[] failure = new Throwable[1];
            Thread recorder = new Thread(() -> {
                try {
                    kcov.enable(Mode.TRACE_PC);
                    for (long b = 0; !stop; b++) {
                        burst(b * BURST);
                        bursts = b + 1;
                    }
                    kcov.disable();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "recorder");
            stop = false;
            bursts = 0;
            recorder.start();
            List<Long> firstAfterReset = new ArrayList<>();
            try {
                // Enough bursts for C2 to compile burst() with Trace.pc inlined into its loop.
                awaitTrue(() -> bursts >= 100, "the recorder runs");
                for (int r = 0; r < RESETS; r++) {
                    long before = bursts;
                    awaitTrue(() -> kcov.count() == 4095, "the area fills up");
                    kcov.reset();
                    awaitTrue(() -> kcov.count() > 0, "recording starts again after reset " + r);
                    firstAfterReset.add(kcov.area().get(1));
                    awaitTrue(() -> bursts > before, "a burst ends");
                }
            } finally {
                stop = true;
                recorder.join();
            }
            assertNull(failure[0]);
            assertEquals(RESETS, firstAfterReset.size());
            // A reset seen inside a burst restarts at any PC; one seen only when a burst starts
            // restarts at a burst's first PC (base + 1) every time.
            assertTrue(firstAfterReset.stream().anyMatch(pc -> (pc - 1) % BURST != 0),
                    "the resets were seen only between bursts: " + firstAfterReset);
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
