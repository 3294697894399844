package io.jkcov.agent;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code lazy=true}: no class gets probes until the first thread in the JVM enables tracing
 * (docs/agent.md, "Lazy instrumentation"). Until then the {@link Transformer} passes every class
 * over (handing its bytes back unchanged, so that the JVM keeps them for the retransformation)
 * and the JVM runs, loads and compiles the application's code as it would without the agent.
 * The first enable runs {@link #start} (through the static key's switch, before any task
 * registers): from then on classes are instrumented as they load, and every included class
 * already loaded is retransformed.
 *
 * <p>What it costs in semantics: a method that is running at the first enable goes on running
 * its old, uninstrumented code until it returns ("active frames continue to run the bytecodes
 * of the original method", Instrumentation.redefineClasses, which retransformation follows); its
 * next invocation runs the new code. A harness that enables around calls into the code under
 * test sees every block of those calls; a loop that was already running when the first enable
 * came does not record its own blocks.
 *
 * <p>A class being defined at the moment of the switch is the race to close: its transform may
 * have decided "pass over" just before {@link #start} set {@link #probing}, while the JVM has not
 * defined it yet, so it is not among the loaded classes {@link #start} retransforms. Each pass is
 * therefore noted before {@link #probing} is read again ({@link #passOver}), and {@link #start}
 * sets {@link #probing} before it reads the notes: with both volatile, one of the two sides sees
 * the other (the Dekker pattern), and no class is lost.
 */
final class LazyProbes {

    /** How often, and how far apart, {@link #start} itself looks again for classes still being defined. */
    private static final int SETTLE_TRIES = 10;
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Runnable warmUp;
    private final Retransformer retransformer;
    private final Worker worker;
    private volatile boolean probing;

    /**
     * The classes passed over, by name and a weak reference to their loader (null: the bootstrap
     * loader), so that an application that never enables, and drops class loaders, does not keep
     * them alive. Only the ones whose definition overlaps {@link #start} matter; the rest are
     * found among the loaded classes anyway.
     */
    private final ConcurrentLinkedQueue<Passed> passed = new ConcurrentLinkedQueue<>();

    private record Passed(String internalName, WeakReference<ClassLoader> loader) {}

    /** @param warmUp run once, before the first class is instrumented (loads ASM outside a transform) */
    LazyProbes(Runnable warmUp, Retransformer retransformer, Worker worker) {
        this.warmUp = warmUp;
        this.retransformer = retransformer;
        this.worker = worker;
    }

    /**
     * The transformer's question for an included class that is loading now (not being
     * redefined): true to leave it as it is, because nothing traces yet. Never blocks.
     */
    boolean passOver(String internalName, ClassLoader loader) {
        if (probing) return false;
        passed.add(new Passed(internalName, loader == null ? null : new WeakReference<>(loader)));
        return !probing;
    }

    /** Whether an included class being redefined (by anyone) before the switch keeps its bytes as they are. */
    boolean waiting() {
        return !probing;
    }

    /**
     * The first enable's work: called by the static key's switch, under its lock, before Trace
     * turns on. Instruments every included class loaded so far, then waits briefly for the ones
     * that were being defined at the switch; any still missing are left to the {@link Worker},
     * which retries passed-over classes. Runs once; a second call (after a failed switch) returns.
     */
    void start() {
        if (probing) return;
        warmUp.run();
        probing = true;
        List<Worker.Deferred> left = retransformer.retransformLoaded(drain());
        for (int i = 0; i < SETTLE_TRIES && !left.isEmpty(); i++) {
            LockSupport.parkNanos(SETTLE_NANOS);
            left = retransformer.retransformDeferred(left);
        }
        for (Worker.Deferred d : left) worker.defer(d.internalName(), d.loader());
    }

    /** The notes of passed-over classes whose loader is still alive, as the retransformer takes them. */
    private List<Worker.Deferred> drain() {
        List<Worker.Deferred> out = new ArrayList<>();
        for (Passed p; (p = passed.poll()) != null; ) {
            ClassLoader loader = p.loader() == null ? null : p.loader().get();
            if (p.loader() == null || loader != null) out.add(new Worker.Deferred(p.internalName(), loader, 0));
        }
        return out;
    }
}
