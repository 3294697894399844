package io.jkcov;

import static io.jkcov.KcovRemote.SUBSYSTEM_COMMON;
import static io.jkcov.KcovRemote.handle;
import static io.jkcov.RemoteSectionsTest.runOn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jkcov.RemoteSectionsTest.Owner;
import io.jkcov.internal.Trace;
import org.junit.jupiter.api.Test;

/** The calls the agent's propagation hooks make, driven by hand. */
class CarryTest {

    private static final long[] NONE = {};

    @Test
    void a_task_runs_in_the_context_captured_where_it_was_handed_over() throws Exception {
        long common = handle(SUBSYSTEM_COMMON, 501);
        try (Owner owner = new Owner(Mode.TRACE_PC, 64, 16, NONE, common)) {
            Runnable mine = () -> Trace.pc(0xA);
            Runnable anonymous = () -> Trace.pc(0xBAD);
            owner.call(() -> Carry.capture(mine));
            Carry.capture(anonymous); // this thread has no handle
            runOn(() -> {
                for (int i = 0; i < 2; i++) { // a periodic task runs in its context every time
                    try (KcovRemote.Section s = Carry.enter(mine)) {
                        mine.run();
                        try (KcovRemote.Section n = Carry.enter(anonymous)) {
                            anonymous.run(); // captured with no handle: runs with none
                        }
                    }
                }
                Object never = new Object();
                assertSame(Remotes.INERT, Carry.enter(never));
            });
            assertArrayEquals(new long[] {2, 0xA, 0xA}, owner.trace());
        }
    }

    @Test
    void a_thread_captures_at_start_and_enters_only_on_itself_and_once() throws Exception {
        long common = handle(SUBSYSTEM_COMMON, 502);
        try (Owner owner = new Owner(Mode.TRACE_PC, 64, 16, NONE, common)) {
            Thread[] t = new Thread[1];
            t[0] = new Thread(() -> {
                try (KcovRemote.Section s = Carry.enterThread(t[0])) {
                    Trace.pc(0x7);
                    try (KcovRemote.Section again = Carry.enterThread(t[0])) { // super.run(): once
                        Trace.pc(0x8);
                    }
                }
            });
            owner.call(() -> Carry.capture(t[0]));
            assertSame(Remotes.INERT, Carry.enterThread(t[0]), "not on the thread itself");
            t[0].start();
            t[0].join();
            assertArrayEquals(new long[] {2, 0x7, 0x8}, owner.trace());
        }
    }

    @Test
    void nothing_is_kept_while_no_descriptor_is_remote() {
        int before = Carry.size();
        Carry.capture(new Object());
        assertEquals(before, Carry.size());
    }
}
