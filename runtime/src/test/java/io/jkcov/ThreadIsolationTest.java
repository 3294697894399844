package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Tasks;
import io.jkcov.internal.Trace;
import java.nio.LongBuffer;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the thread that enabled a descriptor records into it (kcov-model.md sections 1, 4). */
class ThreadIsolationTest {

    private static final int ROUNDS = 50_000;

    /** The "code under test": the PCs its blocks would report, with a data-dependent branch. */
    static void workload(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Trace.pc(0x1000);
            if ((i & 3) == 0) Trace.pc(0x2000);
            else Trace.pc(0x3000);
        }
    }

    static long expectedCount(int rounds) {
        return 2L * rounds;
    }

    /** 2 threads: the lookup's four-slot snapshot; 6: more than it holds, the hash buckets too. */
    @ParameterizedTest
    @ValueSource(ints = {2, 6})
    void tracing_threads_get_complete_independent_traces_and_another_adds_nothing(int tracing) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tracing + 1);
        Kcov[] kcovs = new Kcov[tracing];
        for (int i = 0; i < tracing; i++) kcovs[i] = Kcov.open();
        Throwable[] failures = new Throwable[tracing + 1];
        Thread[] threads = new Thread[tracing + 1];
        for (int t = 0; t <= tracing; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    if (id < tracing) {
                        kcovs[id].initTrace(expectedCount(ROUNDS) + 1);
                        kcovs[id].enable(Mode.TRACE_PC);
                    }
                    start.await(10, TimeUnit.SECONDS);
                    workload(ROUNDS);
                    if (id < tracing) kcovs[id].disable();
                } catch (Throwable e) {
                    failures[id] = e;
                }
            }, "worker-" + t);
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        for (Throwable f : failures) assertNull(f);
        for (Kcov kcov : kcovs) {
            LongBuffer area = kcov.area();
            assertEquals(expectedCount(ROUNDS), area.get(0));
            int w = 1;
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals(0x1000, area.get(w++), "entry " + (w - 1));
                assertEquals((i & 3) == 0 ? 0x2000 : 0x3000, area.get(w++), "entry " + (w - 1));
            }
            kcov.close();
        }
    }

    /**
     * Block probes test the count of PC tracers and comparison probes that of CMP tracers: with
     * one thread in each mode, each probe of each thread must still find its own thread's task.
     */
    @Test
    void threads_tracing_in_different_modes_at_once_each_get_exactly_their_own_kind() throws Exception {
        int rounds = 20_000;
        CyclicBarrier start = new CyclicBarrier(2);
        Kcov pc = Kcov.open();
        Kcov cmp = Kcov.open();
        Throwable[] failures = new Throwable[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    Kcov mine = id == 0 ? pc : cmp;
                    mine.initTrace(1 + 4L * rounds * 2);
                    mine.enable(id == 0 ? Mode.TRACE_PC : Mode.TRACE_CMP);
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < rounds; i++) {
                        Trace.pc(0x1000 + id);
                        Trace.cmp4(i, id, 0x2000 + id);
                    }
                    mine.disable();
                } catch (Throwable e) {
                    failures[id] = e;
                }
            }, "mode-" + t);
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        for (Throwable f : failures) assertNull(f);
        LongBuffer pcs = pc.area();
        assertEquals(rounds, pcs.get(0));
        for (int i = 0; i < rounds; i++) assertEquals(0x1000, pcs.get(1 + i), "PC " + i);
        LongBuffer records = cmp.area();
        assertEquals(rounds, records.get(0));
        for (int i = 0; i < rounds; i++) {
            int at = 1 + 4 * i;
            assertEquals(List.of(Kcov.KCOV_CMP_SIZE(2), (long) i, 1L, 0x2001L),
                    List.of(records.get(at), records.get(at + 1), records.get(at + 2), records.get(at + 3)), "record " + i);
        }
        pc.close();
        cmp.close();
    }

    @Test
    void a_tracing_thread_whose_monitor_is_inflated_still_records_everything() throws Exception {
        // join() waits on the thread object, which inflates its monitor: the lookup must not
        // depend on the identity hash (which then leaves the JIT's fast path).
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(expectedCount(ROUNDS) + 1);
            Thread traced = new Thread(() -> {
                kcov.enable(Mode.TRACE_PC);
                workload(ROUNDS);
                kcov.disable();
            });
            synchronized (traced) {
                traced.start();
                traced.wait(1); // contended: inflated for good
            }
            traced.join();
            assertEquals(expectedCount(ROUNDS), kcov.count());
        }
    }

    @Test
    void a_thread_that_ends_while_enabled_is_disabled_and_another_thread_can_enable() throws Exception {
        Kcov kcov = Kcov.open();
        kcov.initTrace(16);
        Thread t = new Thread(() -> {
            kcov.enable(Mode.TRACE_PC);
            Trace.pc(7);
            Trace.pc(8);
        }, "short-lived");
        t.start();
        t.join();
        // The reaper disables it without any further call on the descriptor.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Tasks.find(t) != null && System.nanoTime() < deadline) Thread.sleep(10);
        assertNull(Tasks.find(t), "the dead thread's task is unregistered");
        assertNull(kcov.mode());
        LongBuffer area = kcov.area();
        assertEquals(2, area.get(0));
        assertEquals(7, area.get(1));
        assertEquals(8, area.get(2));

        kcov.enable(Mode.TRACE_PC);
        Trace.pc(9);
        kcov.disable();
        assertEquals(3, area.get(0));
        assertEquals(9, area.get(3));
        kcov.close();
    }

    @Test
    void a_descriptor_enabled_by_a_thread_that_just_ended_is_free_at_once() throws Exception {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(16);
            Thread t = new Thread(() -> kcov.enable(Mode.TRACE_CMP));
            t.start();
            t.join();
            kcov.enable(Mode.TRACE_PC); // no waiting for the reaper
            assertEquals(Mode.TRACE_PC, kcov.mode());
            kcov.disable();
        }
    }

    @Test
    void short_lived_tracing_threads_never_disturb_a_running_trace() throws Exception {
        // Many short-lived threads enabling and disabling while one long trace runs: the table
        // of tasks changes under the tracing thread's feet and must never lose or mix entries.
        try (Kcov main = Kcov.open()) {
            main.initTrace(expectedCount(ROUNDS) + 1);
            Thread churn = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    try (Kcov k = Kcov.open()) {
                        k.initTrace(4);
                        k.enable(Mode.TRACE_PC);
                        Trace.pc(0xDEAD);
                        k.disable();
                    }
                }
            });
            main.enable(Mode.TRACE_PC);
            churn.start();
            workload(ROUNDS);
            main.disable();
            churn.join();
            LongBuffer area = main.area();
            assertEquals(expectedCount(ROUNDS), area.get(0));
            for (int w = 1; w <= expectedCount(ROUNDS); w++) assertTrue(area.get(w) != 0xDEAD);
        }
    }
}
