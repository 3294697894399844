package io.jkcov;

import static io.jkcov.KcovRemote.SUBSYSTEM_COMMON;
import static io.jkcov.KcovRemote.handle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Trace;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Explicit sections and carried contexts, driven without the agent (section 5). */
class RemoteSectionsTest {

    private static final long[] NONE = {};
    private static final long USB1 = handle(KcovRemote.SUBSYSTEM_USB, 1);
    private static final long USB2 = handle(KcovRemote.SUBSYSTEM_USB, 2);

    /** A request tagged with the handle of whoever sent it, as a USB URB carries its device. */
    record Item(long handle, long[] pcs) {}

    @Test
    void a_worker_serving_tagged_items_gives_each_owner_exactly_its_own_runs() throws Exception {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(16);
        Thread worker = new Thread(() -> {
            try {
                for (Item item; (item = queue.take()).pcs.length > 0; ) {
                    try (KcovRemote.Section s = KcovRemote.start(item.handle)) {
                        for (long pc : item.pcs) Trace.pc(pc);
                    }
                    Trace.pc(0xBAD); // between sections: nobody's
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, "usb-worker");
        // Owners on their own threads, as a fuzzer's executor processes would be.
        Owner one = new Owner(Mode.TRACE_PC, 64, 16, new long[] {USB1}, 0);
        Owner two = new Owner(Mode.TRACE_PC, 64, 16, new long[] {USB2}, 0);
        worker.start();
        queue.put(new Item(USB1, new long[] {0x11, 0x12}));
        queue.put(new Item(USB2, new long[] {0x21}));
        queue.put(new Item(handle(KcovRemote.SUBSYSTEM_USB, 3), new long[] {0x31})); // unregistered
        queue.put(new Item(USB1, new long[] {0x13}));
        queue.put(new Item(0, new long[0]));
        worker.join();
        assertArrayEquals(new long[] {3, 0x11, 0x12, 0x13}, one.trace());
        assertArrayEquals(new long[] {1, 0x21}, two.trace());
        one.close();
        two.close();
    }

    @Test
    void sections_append_after_what_the_area_holds_and_are_truncated_never_overrun() throws Exception {
        try (Owner owner = new Owner(Mode.TRACE_PC, 6, 8, new long[] {USB1}, 0)) {
            runOn(() -> section(USB1, 1, 2));
            runOn(() -> section(USB1, 3, 4, 5, 6, 7)); // 3 of its 5 fit: 6 words hold 5 PCs
            assertArrayEquals(new long[] {5, 1, 2, 3, 4, 5}, owner.trace());
            assertTrue(owner.overflowed());
            runOn(() -> section(USB1, 8));
            assertArrayEquals(new long[] {5, 1, 2, 3, 4, 5}, owner.trace());
            owner.reset();
            assertFalse(owner.overflowed());
            runOn(() -> section(USB1, 9));
            assertArrayEquals(new long[] {1, 9}, owner.trace());
        }
    }

    @Test
    void a_section_larger_than_its_buffer_keeps_the_first_entries() throws Exception {
        try (Owner owner = new Owner(Mode.TRACE_PC, 64, 3, new long[] {USB1}, 0)) {
            runOn(() -> section(USB1, 1, 2, 3, 4));
            assertArrayEquals(new long[] {2, 1, 2}, owner.trace());
        }
    }

    @Test
    void explicit_sections_do_not_nest() throws Exception {
        try (Owner one = new Owner(Mode.TRACE_PC, 64, 16, new long[] {USB1}, 0);
                Owner two = new Owner(Mode.TRACE_PC, 64, 16, new long[] {USB2}, 0)) {
            runOn(() -> {
                try (KcovRemote.Section outer = KcovRemote.start(USB1)) {
                    Trace.pc(1);
                    try (KcovRemote.Section inner = KcovRemote.start(USB2)) {
                        Trace.pc(2);
                    }
                    Trace.pc(3);
                }
            });
            assertArrayEquals(new long[] {3, 1, 2, 3}, one.trace());
            assertArrayEquals(new long[] {0}, two.trace());
        }
    }

    @Test
    void a_section_opened_before_its_owner_was_disabled_or_re_enabled_writes_nothing() throws Exception {
        try (Owner owner = new Owner(Mode.TRACE_PC, 64, 16, new long[] {USB1}, 0)) {
            Runnable reEnable = () -> owner.remoteEnable(Mode.TRACE_PC, 16, new long[] {USB1}, 0);
            // The owner disables while a section is open.
            runOn(() -> {
                try (KcovRemote.Section s = KcovRemote.start(USB1)) {
                    Trace.pc(0xDEAD);
                    owner.call(owner::disable);
                    Trace.pc(0xDEAD);
                }
            });
            owner.call(reEnable);
            // The owner disables and enables again while a section is open.
            runOn(() -> {
                try (KcovRemote.Section s = KcovRemote.start(USB1)) {
                    Trace.pc(0xDEAD);
                    owner.call(() -> {
                        owner.disable();
                        reEnable.run();
                    });
                    Trace.pc(0xDEAD);
                }
            });
            runOn(() -> section(USB1, 7));
            assertArrayEquals(new long[] {1, 7}, owner.trace());
        }
    }

    @Test
    void remote_sections_record_comparisons_in_trace_cmp() throws Exception {
        try (Owner owner = new Owner(Mode.TRACE_CMP, 64, 16, new long[] {USB1}, 0)) {
            runOn(() -> {
                try (KcovRemote.Section s = KcovRemote.start(USB1)) {
                    Trace.pc(1); // not a comparison: nothing
                    Trace.constCmp4(0x1234, -1, 0xC0);
                }
            });
            assertArrayEquals(new long[] {1, Kcov.KCOV_CMP_CONST | Kcov.KCOV_CMP_SIZE(2), 0x1234, 0xFFFF_FFFFL, 0xC0},
                    owner.trace());
        }
    }

    @Test
    void a_thread_traces_itself_while_owning_a_remote_descriptor() throws Exception {
        long common = handle(SUBSYSTEM_COMMON, 77);
        try (Kcov remote = Kcov.open(); Kcov self = Kcov.open()) {
            remote.initTrace(64);
            self.initTrace(64);
            remote.remoteEnable(Mode.TRACE_PC, 16, NONE, common);
            self.enable(Mode.TRACE_PC);
            Trace.pc(0x5E1F);
            long captured = KcovRemote.commonHandle();
            runOn(() -> {
                try (KcovRemote.Section s = KcovRemote.enter(captured)) {
                    Trace.pc(0xF0F0);
                }
            });
            Trace.pc(0x5E1F);
            self.disable();
            remote.disable();
            assertArrayEquals(new long[] {2, 0x5E1F, 0x5E1F}, AreaLayoutTest.words(self.area(), 3));
            assertArrayEquals(new long[] {1, 0xF0F0}, AreaLayoutTest.words(remote.area(), 2));
        }
    }

    @Test
    void carried_contexts_nest_and_restore_the_outer_one() throws Exception {
        long c1 = handle(SUBSYSTEM_COMMON, 101);
        long c2 = handle(SUBSYSTEM_COMMON, 102);
        try (Owner one = new Owner(Mode.TRACE_PC, 64, 16, NONE, c1); Owner two = new Owner(Mode.TRACE_PC, 64, 16, NONE, c2)) {
            runOn(() -> {
                assertEquals(0, KcovRemote.commonHandle());
                try (KcovRemote.Section a = KcovRemote.enter(c1)) {
                    assertEquals(c1, KcovRemote.commonHandle());
                    Trace.pc(1);
                    try (KcovRemote.Section b = KcovRemote.enter(c2)) { // another owner's subtask, run inline
                        assertEquals(c2, KcovRemote.commonHandle());
                        Trace.pc(2);
                    }
                    try (KcovRemote.Section none = KcovRemote.enter(0)) { // captured with no handle
                        assertEquals(0, KcovRemote.commonHandle());
                        Trace.pc(0xBAD);
                    }
                    try (KcovRemote.Section same = KcovRemote.enter(c1)) { // same owner: same section
                        Trace.pc(3);
                    }
                    assertEquals(c1, KcovRemote.commonHandle());
                    Trace.pc(4);
                }
                assertEquals(0, KcovRemote.commonHandle());
                Trace.pc(0xBAD);
            });
            // The outer section was suspended around the other owner's task and the handle-less
            // one, and still lands as one run.
            assertArrayEquals(new long[] {3, 1, 3, 4}, one.trace());
            assertArrayEquals(new long[] {1, 2}, two.trace());
        }
    }

    @Test
    void eight_owners_through_one_shared_pool_get_exactly_their_own_tasks() throws Exception {
        final int owners = 8;
        final int tasks = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Owner[] o = new Owner[owners];
        Thread[] drivers = new Thread[owners];
        Throwable[] failures = new Throwable[owners];
        try {
            for (int i = 0; i < owners; i++) {
                int id = i;
                long common = handle(SUBSYSTEM_COMMON, 1000 + i);
                o[i] = new Owner(Mode.TRACE_PC, 2L * tasks + 1, 8, NONE, common);
                drivers[i] = new Thread(() -> {
                    try {
                        long h = o[id].commonHandleOfOwner();
                        List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
                        for (int t = 0; t < tasks; t++) {
                            int n = t;
                            fs.add(pool.submit(() -> {
                                try (KcovRemote.Section s = KcovRemote.enter(h)) {
                                    Trace.pc(marker(id));
                                    Trace.pc(marker(id) + 1 + (n & 1));
                                }
                            }));
                        }
                        for (var f : fs) f.get();
                    } catch (Throwable e) {
                        failures[id] = e;
                    }
                }, "driver-" + i);
            }
            // Meanwhile, work with no handle runs on the same pool.
            for (int t = 0; t < 2000; t++) pool.execute(() -> Trace.pc(0xBAD));
            for (Thread d : drivers) d.start();
            for (Thread d : drivers) d.join();
            for (Throwable f : failures) if (f != null) throw new AssertionError(f);
            for (int i = 0; i < owners; i++) {
                long[] trace = o[i].trace();
                assertEquals(2L * tasks, trace[0], "owner " + i);
                int odd = 0;
                for (int w = 1; w < trace.length; w += 2) {
                    assertEquals(marker(i), trace[w], "owner " + i + " word " + w);
                    assertTrue(trace[w + 1] == marker(i) + 1 || trace[w + 1] == marker(i) + 2, "owner " + i + " word " + (w + 1));
                    if (trace[w + 1] == marker(i) + 2) odd++;
                }
                assertEquals(tasks / 2, odd, "owner " + i);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            for (Owner owner : o) if (owner != null) owner.close();
        }
    }

    static long marker(int owner) {
        return 0x1_0000L * (owner + 1);
    }

    static void section(long handle, long... pcs) {
        try (KcovRemote.Section s = KcovRemote.start(handle)) {
            for (long pc : pcs) Trace.pc(pc);
        }
    }

    static void runOn(Runnable r) throws Exception {
        Throwable[] failure = {null};
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }

    /**
     * A remote descriptor owned by a thread of its own that stays alive until closed, since
     * a descriptor whose owner ends is disabled.
     */
    static final class Owner implements AutoCloseable {
        private final Kcov kcov = Kcov.open();
        private final BlockingQueue<Runnable> calls = new ArrayBlockingQueue<>(1);
        private final BlockingQueue<Object> done = new ArrayBlockingQueue<>(1);
        private final Thread thread;
        private volatile long common;
        private final int entryWords;

        Owner(Mode mode, long words, long sectionWords, long[] handles, long commonHandle) throws InterruptedException {
            kcov.initTrace(words);
            entryWords = mode == Mode.TRACE_CMP ? 4 : 1;
            thread = new Thread(() -> {
                try {
                    for (;;) {
                        Runnable r = calls.take();
                        Object result = "ok";
                        try {
                            r.run();
                        } catch (Throwable e) {
                            result = e;
                        }
                        done.put(result);
                    }
                } catch (InterruptedException e) {
                    // closed
                }
            }, "owner");
            thread.setDaemon(true);
            thread.start();
            call(() -> {
                kcov.remoteEnable(mode, sectionWords, handles, commonHandle);
                common = KcovRemote.commonHandle();
            });
        }

        long commonHandleOfOwner() {
            return common;
        }

        void remoteEnable(Mode mode, long sectionWords, long[] handles, long commonHandle) {
            kcov.remoteEnable(mode, sectionWords, handles, commonHandle);
        }

        void disable() {
            kcov.disable();
        }

        /** Runs {@code r} on the owner's thread and waits for it. */
        void call(Runnable r) {
            try {
                calls.put(r);
                Object result = done.take();
                if (result instanceof Throwable) throw new AssertionError((Throwable) result);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        long[] trace() {
            LongBuffer area = kcov.area();
            long[] out = new long[(int) Math.min(area.capacity(), 1 + entryWords * area.get(0))];
            for (int i = 0; i < out.length; i++) out[i] = area.get(i);
            return out;
        }

        boolean overflowed() {
            return kcov.overflowed();
        }

        void reset() {
            kcov.reset();
        }

        @Override
        public void close() {
            kcov.close();
            thread.interrupt();
        }
    }
}
