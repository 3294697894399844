package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every misuse in kcov-model.md section 4 gets the errno KCOV gives for it. */
class KcovErrorsTest {

    @Test
    void init_trace_size_must_be_in_range() {
        try (Kcov kcov = Kcov.open()) {
            for (long bad : new long[] {Long.MIN_VALUE, -1, 0, 1, Kcov.MAX_WORDS + 1, Long.MAX_VALUE}) {
                KcovException e = expect("EINVAL", () -> kcov.initTrace(bad));
                assertTrue(e.getMessage().contains(Long.toString(bad)), e.getMessage());
            }
            kcov.initTrace(2); // the smallest legal area still works after the failures
            assertEquals(2, kcov.size());
        }
    }

    @Test
    void init_trace_twice_is_busy() {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(16);
            expect("EBUSY", () -> kcov.initTrace(16));
        }
    }

    @Test
    void enable_before_init_or_twice_or_with_no_mode_is_invalid() {
        try (Kcov kcov = Kcov.open()) {
            expect("EINVAL", () -> kcov.enable(Mode.TRACE_PC));
            expect("EINVAL", kcov::area);
            expect("EINVAL", kcov::areaFile);
            kcov.initTrace(16);
            expect("EINVAL", () -> kcov.enable(null));
            kcov.enable(Mode.TRACE_PC);
            expect("EINVAL", () -> kcov.enable(Mode.TRACE_PC));
            expect("EINVAL", () -> kcov.enable(Mode.TRACE_CMP));
            kcov.disable();
        }
    }

    @Test
    void enable_from_a_second_thread_while_enabled_is_invalid() throws Exception {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(16);
            kcov.enable(Mode.TRACE_PC);
            assertEquals("EINVAL", onOtherThread(() -> kcov.enable(Mode.TRACE_PC)));
            assertEquals("EINVAL", onOtherThread(kcov::disable));
            kcov.disable();
        }
    }

    @Test
    void a_thread_traces_into_one_descriptor_at_a_time() {
        try (Kcov a = Kcov.open(); Kcov b = Kcov.open()) {
            a.initTrace(16);
            b.initTrace(16);
            a.enable(Mode.TRACE_PC);
            expect("EBUSY", () -> b.enable(Mode.TRACE_PC));
            a.disable();
            b.enable(Mode.TRACE_CMP); // free again
            b.disable();
        }
    }

    @Test
    void disable_when_not_enabled_is_invalid() {
        try (Kcov kcov = Kcov.open()) {
            expect("EINVAL", kcov::disable);
            kcov.initTrace(16);
            expect("EINVAL", kcov::disable);
            kcov.enable(Mode.TRACE_PC);
            kcov.disable();
            expect("EINVAL", kcov::disable);
        }
    }

    @Test
    void a_closed_descriptor_refuses_everything_but_close() throws Exception {
        Kcov kcov = Kcov.open();
        kcov.initTrace(16);
        var file = kcov.areaFile();
        kcov.enable(Mode.TRACE_PC);
        kcov.close();
        assertTrue(Files.notExists(file), "close releases the area file");
        assertTrue(Files.notExists(file.getParent()));
        expect("EBADF", () -> kcov.initTrace(16));
        expect("EBADF", () -> kcov.enable(Mode.TRACE_PC));
        expect("EBADF", kcov::disable);
        expect("EBADF", kcov::area);
        kcov.close(); // idempotent
        try (Kcov next = Kcov.open()) { // close disabled it, so the thread is free again
            next.initTrace(16);
            next.enable(Mode.TRACE_PC);
            next.disable();
        }
    }

    @Test
    void close_from_another_thread_stops_the_tracing_thread() throws Exception {
        Kcov kcov = Kcov.open();
        kcov.initTrace(16);
        var area = kcov.area();
        kcov.enable(Mode.TRACE_PC);
        io.jkcov.internal.Trace.pc(1);
        assertEquals(null, onOtherThread(kcov::close));
        io.jkcov.internal.Trace.pc(2);
        assertEquals(1, area.get(0));
    }

    static KcovException expect(String errno, Executable call) {
        KcovException e = assertThrows(KcovException.class, call);
        assertEquals(errno, e.errno(), e.getMessage());
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().length() > errno.length() + 10, "a message a person understands: " + e.getMessage());
        return e;
    }

    /** Runs {@code call} on a new thread; returns the errno it threw, or null. */
    static String onOtherThread(Executable call) throws InterruptedException {
        AtomicReference<String> errno = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                call.execute();
            } catch (KcovException e) {
                errno.set(e.errno());
            } catch (Throwable e) {
                errno.set(e.toString());
            }
        });
        t.start();
        t.join();
        return errno.get();
    }
}
