package io.jkcov.internal;

/**
 * The probes' static key: the jkcov counterpart of the kernel's jump labels
 * ({@code static_branch_unlikely}), which patch a disabled branch out of the code until someone
 * turns it on.
 *
 * <p>Under the agent, {@link Trace} is loaded in an "off" form whose entry points test the
 * constant 0 instead of the counts of recording tasks ({@link Trace#registered},
 * {@code pcTasks}, {@code cmpTasks}), so that the JIT drops an idle probe entirely: no load, no
 * branch, no deoptimisation state kept alive for a branch never taken. The first
 * {@link #switchOn} in the JVM (the first {@link Tasks#start}, or a {@code remoteEnable}, which
 * switches ahead of the sections it will open on other threads) turns the key on: it
 * retransforms {@code Trace} back to the form that tests the counts, and the JVM deoptimises
 * every compiled method that inlined the old form, before any thread registers. The switch is
 * one-way: turning the key off again at the last {@link Tasks#stop} would deoptimise all
 * instrumented code each time a harness enabled and disabled around an input.
 *
 * <p>Without the agent (the runtime on the class path, offline instrumentation) nothing installs
 * a switch and {@code Trace} is the form as compiled, always on.
 */
public final class StaticKey {

    /**
     * Retransforms Trace into the form {@link #isOn()} asks for; set once by the agent.
     * Guarded by the class, as is every run of it, so that two switches never interleave.
     */
    private static Runnable retransform;

    /** Read by the agent's transformer, on whatever thread retransforms. */
    private static volatile boolean on = true;

    /**
     * True once a {@link #switchOn} has finished: the key is on and no switch is under way, so
     * the next one returns at once, and the key may not go off again (a task may be registered).
     * Not {@link #on}, which a switch sets before it retransforms (the transformer reads it), so
     * that a second thread's first enable waits on the lock for the switch to finish. Not
     * {@code Trace.registered} either, which would initialise Trace here, before the agent has
     * switched it.
     */
    private static volatile boolean settled;

    private StaticKey() {}

    /** Whether Trace is (or, during a switch, is being made) the form that records. */
    public static boolean isOn() {
        return on;
    }

    /**
     * The agent's call: turns the key off by running {@code retransform}, which must make the
     * JVM load Trace again through a transformer that builds the form {@link #isOn()} names.
     * Refused (false, nothing done) when a switch is installed already, e.g. by a second copy of
     * the agent, or when a thread has started tracing (dynamic attach). If {@code retransform}
     * throws, the key stays on and the exception is thrown.
     */
    public static synchronized boolean switchOff(Runnable retransform) {
        if (StaticKey.retransform != null || settled) return false;
        turn(false, retransform);
        StaticKey.retransform = retransform;
        return true;
    }

    /**
     * Turns the key on if it is off, and returns once every probe executed from now on reaches
     * the counts of recording tasks. A failed switch leaves the key off and throws: the caller
     * must not register a task that would then record nothing.
     */
    public static void switchOn() {
        if (settled) return;
        synchronized (StaticKey.class) {
            if (!on) turn(true, retransform);
            settled = true;
        }
    }

    /** Sets the key and has Trace retransformed to match; if that throws, undoes the setting. */
    private static void turn(boolean to, Runnable retransform) {
        on = to;
        try {
            retransform.run();
        } catch (RuntimeException | Error e) {
            on = !to;
            throw e;
        }
    }
}
