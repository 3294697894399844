package io.jkcov;

import io.jkcov.internal.Tasks;
import java.lang.ref.ReferenceQueue;
import java.util.concurrent.Callable;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;

/**
 * What the agent's propagation hooks call (docs/remote.md): {@link #capture} where a task or a
 * thread is handed over (executor submission, task construction, {@code Thread.start}), and
 * {@link #enter} / {@link #enterThread} where it starts to run on its new thread.
 *
 * <p>The captured handle is kept beside the task, in a weak identity table, because JDK classes
 * cannot gain fields when they are retransformed. While no descriptor is in remote mode both
 * calls cost one volatile load. Recording is paused on the calling thread while this class does
 * its bookkeeping, so none of the JDK code it uses (instrumented, with jdk=true) is recorded.
 */
public final class Carry {

    private static final ConcurrentHashMap<Key, Long> CAPTURED = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> GONE = new ReferenceQueue<>();

    private Carry() {}

    /** Remembers the calling thread's current handle (0 included) for {@code task}. */
    public static void capture(Object task) {
        if (!Remotes.active() || task == null) return;
        Tasks.pause();
        try {
            expunge();
            CAPTURED.put(new Key(task, GONE), Remotes.current());
        } finally {
            Tasks.resume();
        }
    }

    /**
     * Runs in the context captured for {@code task} until the section is closed; an inert section
     * if nothing was captured. The capture stays: a periodic task runs many times.
     */
    public static KcovRemote.Section enter(Object task) {
        if (!Remotes.active() || task == null) return Remotes.INERT;
        Long captured = lookup(task, false);
        return captured == null ? Remotes.INERT : Remotes.enter(captured, true);
    }

    /**
     * {@link #enter} for the body of a thread's {@code run()}: only on that thread itself (not
     * when someone calls run() as a method), and only once, since a thread starts once.
     */
    public static KcovRemote.Section enterThread(Thread thread) {
        if (!Remotes.active() || thread != Thread.currentThread()) return Remotes.INERT;
        Long captured = lookup(thread, true);
        return captured == null ? Remotes.INERT : Remotes.enter(captured);
    }

    /** The handle captured for {@code key}, or null; recording is paused meanwhile. */
    private static Long lookup(Object key, boolean remove) {
        Tasks.pause();
        try {
            Key probe = new Key(key, null);
            return remove ? CAPTURED.remove(probe) : CAPTURED.get(probe);
        } finally {
            Tasks.resume();
        }
    }

    /**
     * Closes a section returned by {@link #enter} or {@link #enterThread}, if {@code section} is
     * not null; for bytecode hooks. ForkJoinTask.doExec's hook ends its section after exec()
     * returns and in the method's exception handler, whichever runs, and clears it, so the other
     * finds none.
     */
    public static void exit(KcovRemote.Section section) {
        if (section != null) section.close();
    }

    /**
     * Replaces {@code task.run()} where a pool runs a task (ThreadPoolExecutor.runWorker). A
     * {@code FutureTask} whose run() is the JDK's is left to its own hook around
     * {@code callable.call()} ({@link #call}), which ends the section before {@code set()}
     * publishes the result: opened here, the section would end after it, and an owner that reads
     * its area as soon as {@code get()} returns would now and then miss the task's entries.
     */
    public static void run(Runnable task) {
        if (task instanceof FutureTask && Remotes.active() && ENDS_ITS_OWN_SECTION.get(task.getClass())) {
            task.run();
            return;
        }
        try (KcovRemote.Section s = enter(task)) {
            task.run();
        }
    }

    /**
     * Whether a FutureTask class runs its callable through {@code FutureTask.run} or
     * {@code runAndReset}, which {@link #call} wraps: run() not overridden, or overridden by
     * ScheduledThreadPoolExecutor's task, which calls one of the two. Another override may
     * never call them, so its task keeps the section around the whole run().
     */
    private static final ClassValue<Boolean> ENDS_ITS_OWN_SECTION = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            Tasks.pause();
            try {
                Class<?> declaring = type.getMethod("run").getDeclaringClass();
                return declaring == FutureTask.class
                        || declaring.getName().equals("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask");
            } catch (NoSuchMethodException | SecurityException e) {
                return false;
            } finally {
                Tasks.resume();
            }
        }
    };

    /** Replaces {@code callable.call()} inside {@code FutureTask.run} and {@code runAndReset}. */
    public static Object call(Callable<?> callable, Object futureTask) throws Exception {
        try (KcovRemote.Section s = enter(futureTask)) {
            return callable.call();
        }
    }

    /**
     * Replaces {@code task.run()} where a started thread runs its task (Thread.run on JDK 17,
     * Thread.runWith on later JDKs, which virtual threads use too): the thread's section, which
     * arrives when the task returns. A pool's worker loop is never a section (the pitfall in
     * kcov-model.md section 5): it would swallow every task the pool runs for anyone.
     */
    public static void runThread(Runnable task) {
        if (task != null && task.getClass() == POOL_WORKER) {
            task.run();
            return;
        }
        try (KcovRemote.Section s = enterThread(Thread.currentThread())) {
            task.run();
        }
    }

    /** The worker loop of ThreadPoolExecutor, whose threads are created by submitters. */
    private static final Class<?> POOL_WORKER = poolWorker();

    private static Class<?> poolWorker() {
        try {
            return Class.forName("java.util.concurrent.ThreadPoolExecutor$Worker", false, null);
        } catch (ClassNotFoundException e) {
            return Void.class; // matches no task
        }
    }

    /** Entries whose task is gone; for tests. */
    static int size() {
        expunge();
        return CAPTURED.size();
    }

    private static void expunge() {
        for (Object k; (k = GONE.poll()) != null; ) CAPTURED.remove(k);
    }

    /** A weak reference compared by the identity of its referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) return true;
            if (!(o instanceof Key)) return false;
            Object mine = get();
            return mine != null && mine == ((Key) o).get();
        }
    }
}
