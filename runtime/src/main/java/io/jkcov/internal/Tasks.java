package io.jkcov.internal;

import io.jkcov.internal.Trace.Few;
import io.jkcov.internal.Trace.Node;
import io.jkcov.internal.Trace.Task;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The slow side of the per-thread state: registering a thread's {@link Task} in the table that
 * the hot path reads, and taking it out again. Everything here may allocate and lock; the hot
 * path never calls it.
 *
 * <p>A task is in the table exactly while its thread records (or is paused inside a recording),
 * so {@link Trace#registered} is zero whenever no thread in the JVM traces, and {@code pcTasks}
 * ({@code cmpTasks}) whenever none traces PCs (comparisons): then the entry points that test it
 * cost one branch.
 */
public final class Tasks {

    /**
     * Serialises every change to {@link Trace#BUCKETS}, {@link Trace#FEW}, {@link Trace#registered}
     * and the per-mode counts.
     */
    private static final Object LOCK = new Object();

    /** The registered tasks, oldest first: the first four go into {@link Trace#FEW}. Under LOCK. */
    private static final List<Task> REGISTERED = new ArrayList<>();

    private Tasks() {}

    /** The calling thread's registered task, or null. */
    public static Task current() {
        return find(Thread.currentThread());
    }

    /** The registered task of {@code thread}, or null. */
    public static Task find(Thread thread) {
        return Trace.taskByHash(thread);
    }

    /**
     * Starts recording on the calling thread: registers a task that writes into {@code area}
     * ({@code words} long, count at index 0) in {@code mode}, on behalf of {@code owner}.
     * The caller has checked that the thread has no task.
     */
    public static Task start(Object owner, ByteBuffer area, long words, int mode) {
        // Before the task is in the table: once registered, its probes must record.
        StaticKey.switchOn();
        Task t = new Task(Thread.currentThread(), area, words, mode);
        t.owner = owner;
        synchronized (LOCK) {
            int b = bucket(t.thread);
            Trace.BUCKETS[b] = new Node(t, Trace.BUCKETS[b]);
            REGISTERED.add(t);
            Trace.FEW.few = snapshot();
            Trace.registered++;
            count(t, 1);
        }
        return t;
    }

    /**
     * Stops a task, from any thread: its thread records nothing more. The chain is rebuilt
     * without it rather than edited, so that a racing reader always walks a whole chain.
     */
    public static void stop(Task t) {
        t.mode = Trace.OFF;
        t.paused = 0;
        synchronized (LOCK) {
            int b = bucket(t.thread);
            Node kept = null;
            boolean found = false;
            for (Node n = Trace.BUCKETS[b]; n != null; n = n.next) {
                if (n.task == t) found = true;
                else kept = new Node(n.task, kept);
            }
            if (!found) return;
            Trace.BUCKETS[b] = kept;
            REGISTERED.remove(t);
            Trace.FEW.few = snapshot();
            Trace.registered--;
            count(t, -1);
        }
    }

    /**
     * Suspends recording on the calling thread (nesting), for work jkcov does on a tracing
     * thread, such as instrumenting a class that the traced code caused to load.
     */
    public static void pause() {
        Trace.enterClinit();
    }

    /** Ends one {@link #pause()}. */
    public static void resume() {
        Trace.exitClinit();
    }

    /** Whether the hot path dropped an entry of this task for lack of space. */
    public static boolean overflowed(Task t) {
        return t.overflow;
    }

    public static void clearOverflow(Task t) {
        t.overflow = false;
    }

    /** Under LOCK: the per-mode count that the entry points test. */
    private static void count(Task t, int delta) {
        if (t.startMode == Trace.TRACE_PC) Trace.pcTasks += delta;
        else if (t.startMode == Trace.TRACE_CMP) Trace.cmpTasks += delta;
    }

    private static Few snapshot() {
        int n = REGISTERED.size();
        return new Few(REGISTERED.subList(0, Math.min(n, 4)).toArray(new Task[0]), n <= 4);
    }

    private static int bucket(Thread thread) {
        return System.identityHashCode(thread) & (Trace.BUCKETS.length - 1);
    }
}
