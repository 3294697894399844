package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.StaticKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probes' static key as the runtime sees it (the agent's side, retransforming Trace, is
 * StaticKeyIT's). The key is JVM-wide state, so each test runs on a fresh copy of the runtime's
 * classes in a loader of its own, and drives it by reflection.
 */
class StaticKeyTest {

    private URLClassLoader copy;
    private final List<Object> open = new ArrayList<>();

    @BeforeEach
    void freshRuntime() {
        URL classes = StaticKey.class.getProtectionDomain().getCodeSource().getLocation();
        copy = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (Object k : open) call(k, "close");
        copy.close();
    }

    @Test
    void the_first_enable_runs_the_switch_once_before_its_task_is_registered() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Object> seen = new ArrayList<>();
        assertTrue(switchOff(() -> {
            runs.incrementAndGet();
            seen.add(unchecked(this::isOn));
            seen.add(unchecked(this::currentTask));
        }));
        assertEquals(1, runs.get(), "switching off runs the retransformation too");
        assertEquals(false, seen.get(0), "the transformer builds the off form");
        assertFalse(isOn());

        enable(descriptor(), "TRACE_PC");
        assertEquals(2, runs.get());
        assertEquals(true, seen.get(2), "the transformer builds the on form");
        assertNull(seen.get(3), "no task is registered while the switch runs");
        assertTrue(isOn());

        inOtherThread(() -> enable(descriptor(), "TRACE_CMP"));
        assertEquals(2, runs.get(), "one way: later enables switch nothing");
    }

    /**
     * Two threads enable first at once: the second must not register (and record into the off
     * form) while the first one's switch is still retransforming; it waits on the key's lock.
     */
    @Test
    void a_second_first_enable_waits_for_the_switch_under_way() throws Exception {
        CountDownLatch switching = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        assertTrue(switchOff(() -> {
            if (runs.incrementAndGet() == 2) {
                switching.countDown();
                unchecked(() -> finish.await(30, TimeUnit.SECONDS));
            }
        }));
        Object first = descriptor();
        Object second = descriptor();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread a = started(failure, () -> {
            enable(first, "TRACE_PC");
            call(first, "disable");
        });
        assertTrue(switching.await(30, TimeUnit.SECONDS));
        List<Object> registered = new ArrayList<>();
        Thread b = started(failure, () -> {
            enable(second, "TRACE_PC");
            registered.add(currentTask());
            call(second, "disable");
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (b.getState() != Thread.State.BLOCKED && b.isAlive() && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(Thread.State.BLOCKED, b.getState(), "the second enable went on while the key was still off");
        assertTrue(registered.isEmpty());
        finish.countDown();
        a.join();
        b.join();
        assertNull(failure.get());
        assertEquals(1, registered.size(), "the second enable registered once the switch was done");
        assertTrue(registered.get(0) != null);
        assertEquals(2, runs.get());
    }

    @Test
    void remote_enable_switches_on_its_own_thread_before_any_section() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Thread> on = new ArrayList<>();
        assertTrue(switchOff(() -> {
            runs.incrementAndGet();
            on.add(Thread.currentThread());
        }));
        Object kcov = descriptor();
        Class<?> modes = type("io.jkcov.Mode");
        kcov.getClass().getMethod("remoteEnable", modes, long.class, long[].class, long.class)
                .invoke(kcov, modes.getField("TRACE_PC").get(null), 64L, new long[0], 0L);
        assertEquals(2, runs.get());
        assertSame(Thread.currentThread(), on.get(1));
        assertTrue(isOn());
        call(kcov, "disable");
    }

    @Test
    void a_switch_that_fails_fails_the_enable_and_leaves_the_key_off() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("cannot retransform");
        assertTrue(switchOff(() -> {
            if (runs.incrementAndGet() == 2) throw broken;
        }));
        Object kcov = descriptor();
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> enable(kcov, "TRACE_PC"));
        assertSame(broken, e.getCause());
        assertFalse(isOn());
        assertNull(currentTask(), "nothing registered");
        assertEquals("null", String.valueOf(call(kcov, "mode")), "the descriptor is not enabled");

        enable(kcov, "TRACE_PC");
        assertTrue(isOn());
        assertEquals(3, runs.get());
    }

    @Test
    void a_second_agent_leaves_the_key_to_the_first() throws Exception {
        assertTrue(switchOff(() -> {}));
        AtomicInteger runs = new AtomicInteger();
        assertFalse(switchOff(runs::incrementAndGet));
        assertEquals(0, runs.get());
    }

    @Test
    void the_key_never_goes_off_once_a_thread_has_traced() throws Exception {
        Object kcov = descriptor();
        enable(kcov, "TRACE_PC");
        call(kcov, "disable");
        AtomicInteger runs = new AtomicInteger();
        assertFalse(switchOff(runs::incrementAndGet), "dynamic attach after a thread traced");
        assertEquals(0, runs.get());
        assertTrue(isOn());
    }

    @Test
    void a_switch_off_that_fails_leaves_the_key_on() throws Exception {
        IllegalStateException broken = new IllegalStateException("not modifiable");
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> switchOff(() -> {
            throw broken;
        }));
        assertSame(broken, e.getCause());
        assertTrue(isOn());
        assertTrue(switchOff(() -> {}), "nothing was installed, so a later agent may");
    }

    // ---- the copy, by reflection ----------------------------------------------------------------

    private Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, true, copy);
    }

    private boolean switchOff(Runnable retransform) throws Exception {
        return (Boolean) type("io.jkcov.internal.StaticKey").getMethod("switchOff", Runnable.class).invoke(null, retransform);
    }

    private boolean isOn() throws Exception {
        return (Boolean) type("io.jkcov.internal.StaticKey").getMethod("isOn").invoke(null);
    }

    private Object currentTask() throws Exception {
        return type("io.jkcov.internal.Tasks").getMethod("current").invoke(null);
    }

    private Object descriptor() throws Exception {
        Object kcov = type("io.jkcov.Kcov").getMethod("open").invoke(null);
        open.add(kcov);
        kcov.getClass().getMethod("initTrace", long.class).invoke(kcov, 64L);
        return kcov;
    }

    private void enable(Object kcov, String mode) throws Exception {
        Class<?> modes = type("io.jkcov.Mode");
        Object m = modes.getField(mode).get(null);
        kcov.getClass().getMethod("enable", modes).invoke(kcov, m);
    }

    /** Runs {@code body} in a thread of its own and rethrows here what it threw. */
    private static void inOtherThread(ThrowingRunnable body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        started(failure, body).join();
        if (failure.get() != null) throw new AssertionError("in the other thread", failure.get());
    }

    /** A started thread running {@code body}; what it throws goes to {@code failure}. */
    private static Thread started(AtomicReference<Throwable> failure, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        t.start();
        return t;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Object unchecked(java.util.concurrent.Callable<Object> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Object call(Object target, String name) throws Exception {
        Method m = target.getClass().getMethod(name);
        return m.invoke(target);
    }
}
