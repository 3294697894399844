package io.jkcov;

import static io.jkcov.KcovErrorsTest.expect;
import static io.jkcov.KcovErrorsTest.onOtherThread;
import static io.jkcov.KcovRemote.SUBSYSTEM_COMMON;
import static io.jkcov.KcovRemote.SUBSYSTEM_USB;
import static io.jkcov.KcovRemote.handle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Handles, and every misuse of remoteEnable with the errno KCOV gives (section 4). */
class RemoteErrorsTest {

    private static final long[] NONE = {};

    @Test
    void handles_pack_subsystem_and_instance() {
        assertEquals(0x0100_0000_0000_0007L, handle(SUBSYSTEM_USB, 7));
        assertEquals(0x0000_0000_FFFF_FFFFL, handle(SUBSYSTEM_COMMON, -1), "the instance is unsigned");
        assertEquals(0xFF00_0000_0000_0001L, handle(0xFF, 1));
        assertEquals(0, handle(0x100, 1));
        assertEquals(0, handle(-1, 1));
        assertEquals(0xFF, KcovRemote.subsystem(handle(0xFF, 3)));
        assertEquals(0xFFFF_FFFFL, KcovRemote.instance(handle(2, -1)));
    }

    @Test
    void bad_handles_and_sizes_are_invalid() {
        try (Kcov kcov = Kcov.open()) {
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, NONE, 0)); // no area
            kcov.initTrace(64);
            expect("EINVAL", () -> kcov.remoteEnable(null, 16, NONE, 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, null, 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, new long[257], 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 1, NONE, 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, Kcov.MAX_WORDS + 1, NONE, 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, new long[] {handle(SUBSYSTEM_COMMON, 1)}, 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, new long[] {0}, 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, new long[] {handle(1, 1) | 1L << 40}, 0));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, NONE, handle(SUBSYSTEM_USB, 1)));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, NONE, 1L << 33));
            // After all that, nothing was registered: the valid call works.
            long[] max = new long[256];
            for (int i = 0; i < max.length; i++) max[i] = handle(0x42, i);
            kcov.remoteEnable(Mode.TRACE_PC, 16, max, handle(SUBSYSTEM_COMMON, 0x42));
            expect("EINVAL", () -> kcov.remoteEnable(Mode.TRACE_PC, 16, NONE, 0));
            expect("EINVAL", () -> kcov.enable(Mode.TRACE_PC));
            kcov.disable();
        }
    }

    @Test
    void a_handle_lives_in_one_descriptor_at_a_time() throws Exception {
        long usb = handle(SUBSYSTEM_USB, 11);
        long common = handle(SUBSYSTEM_COMMON, 11);
        try (Kcov a = Kcov.open(); Kcov b = Kcov.open()) {
            a.initTrace(64);
            b.initTrace(64);
            expect("EEXIST", () -> b.remoteEnable(Mode.TRACE_PC, 16, new long[] {usb, usb}, 0));
            a.remoteEnable(Mode.TRACE_PC, 16, new long[] {usb}, common);
            // Another thread, so that EBUSY (one remote descriptor per thread) does not mask it.
            assertEquals("EEXIST", onOtherThread(() -> b.remoteEnable(Mode.TRACE_PC, 16, new long[] {usb}, 0)));
            assertEquals("EEXIST", onOtherThread(() -> b.remoteEnable(Mode.TRACE_PC, 16, NONE, common)));
            // A failed call registered nothing: b's other handle is free.
            assertEquals("EEXIST", onOtherThread(() -> b.remoteEnable(Mode.TRACE_PC, 16,
                    new long[] {handle(SUBSYSTEM_USB, 12), usb}, 0)));
            assertEquals(null, onOtherThread(() -> {
                b.remoteEnable(Mode.TRACE_PC, 16, new long[] {handle(SUBSYSTEM_USB, 12)}, 0);
            }));
            a.close(); // frees its handles
            try (Kcov c = Kcov.open()) {
                c.initTrace(64);
                c.remoteEnable(Mode.TRACE_PC, 16, new long[] {usb}, common);
                c.disable(); // disabling frees them too
                c.remoteEnable(Mode.TRACE_PC, 16, new long[] {usb}, common);
            }
        }
    }

    @Test
    void a_thread_owns_one_remote_descriptor_but_may_also_trace_itself() {
        try (Kcov a = Kcov.open(); Kcov b = Kcov.open(); Kcov self = Kcov.open()) {
            a.initTrace(64);
            b.initTrace(64);
            self.initTrace(64);
            a.remoteEnable(Mode.TRACE_PC, 16, NONE, handle(SUBSYSTEM_COMMON, 21));
            expect("EBUSY", () -> b.remoteEnable(Mode.TRACE_PC, 16, NONE, handle(SUBSYSTEM_COMMON, 22)));
            self.enable(Mode.TRACE_PC);
            assertEquals(handle(SUBSYSTEM_COMMON, 21), KcovRemote.commonHandle());
            self.disable();
            a.disable();
            assertEquals(0, KcovRemote.commonHandle());
            b.remoteEnable(Mode.TRACE_PC, 16, NONE, handle(SUBSYSTEM_COMMON, 22));
            b.disable();
        }
    }

    @Test
    void only_the_owner_thread_disables_a_remote_descriptor() throws Exception {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(64);
            kcov.remoteEnable(Mode.TRACE_PC, 16, NONE, handle(SUBSYSTEM_COMMON, 31));
            assertEquals("EINVAL", onOtherThread(kcov::disable));
            kcov.disable();
        }
    }
}
