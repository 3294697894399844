package io.jkcov.internal;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * The hot path: the entry points that instrumented code calls, the jkcov counterpart of the
 * kernel's {@code __sanitizer_cov_trace_pc}, {@code __sanitizer_cov_trace_cmp*} and
 * {@code __sanitizer_cov_trace_switch}.
 *
 * <p>What this file may NOT do, on any path reachable from a public static method
 * (docs/hot-path.md; kcov-model.md section 7). {@code NoinstrTest} reads the compiled bytecode and
 * fails the build on a breach, the way objtool checks {@code noinstr} text:
 * <ol>
 *   <li>allocate, take a monitor, throw, or wait;</li>
 *   <li>call anything but this file's own static methods, the intrinsics
 *       {@code Thread.currentThread}, {@code System.identityHashCode},
 *       {@code VarHandle.acquireFence} and {@code VarHandle.releaseFence}, and the area's
 *       {@code LongBuffer.get(int)} and {@code put(int, long)} (all linked by the static
 *       initialiser, before any thread can trace);</li>
 *   <li>read or write a static field of another class (that could initialise it), or load a
 *       constant that resolves a class or string;</li>
 *   <li>write anywhere but the calling thread's area, or its own {@link Task}.</li>
 * </ol>
 * Everything that may do those things (registration, sections, descriptors) lives in
 * {@link Tasks} and the public API, which the entry points never call.
 *
 * <p>How an entry is written (docs/hot-path.md has the measurements): through little-endian
 * {@code LongBuffer} views of the area's direct buffer, whose absolute {@code get} and {@code put}
 * the JIT compiles to one bounds check and one plain native load or store. The area's
 * {@code byteBufferViewVarHandle} did the same job at a higher cost: C2 brackets each of its
 * accesses with CPU-order barriers (its base object, the buffer's {@code hb}, is unknown at
 * compile time, so the access is "mixed") and repeats its checks after each. What a live reader
 * needs (kcov-model.md section 2) is had without barriers on x86, and with one fence elsewhere:
 * <ul>
 *   <li><b>A fresh count on every call</b>, so that a reader's reset (0 stored at any time) is
 *       seen by the next call. The count is loaded through {@link Task#area} and stored through
 *       {@link Task#head}, a second view of the same memory. C2 hands a stored value on to a
 *       later load only when it can prove that both address the same word, and the two addresses
 *       come from two objects' fields, so every call loads the count from memory. Nor can the
 *       load leave a loop: every pass through a write either stores the count, which may alias
 *       it, or sets {@link Task#overflow} behind a fence. C1 and the interpreter always load. The
 *       Java memory model would promise this progress only to an opaque load, which C2 brackets
 *       with barriers just as the view handle's; {@code LiveResetTest} checks resets reaching
 *       compiled loops, including one compiled while the area was full.</li>
 *   <li><b>The entries before the count</b> (a release store). All area accesses are Unsafe
 *       accesses to native memory, one alias class to C2, whose stores it keeps in program order;
 *       C1 and the interpreter emit them in order; and x86 does not reorder a store with an
 *       earlier store (Intel SDM vol. 3A, "Memory Ordering in P6 and More Recent
 *       Processor Families"; AMD APM vol. 2, 7.2). On other architectures
 *       ({@link #TSO} false, a constant the JIT folds) {@code VarHandle.releaseFence()} goes
 *       before the count store. The count is an aligned long (the area is page-aligned), which
 *       64-bit HotSpot stores with one instruction, so a reader never sees half of it.</li>
 * </ul>
 * Both used to be fences ({@code acquireFence} before the load, {@code releaseFence} before the
 * store). They cost no instruction on x86, but to C2 each writes all memory, so every call
 * reloaded the lookup and the buffer's fields, and the count went from one call's store to the
 * next call's load between freshly loaded address registers: 3.3-3.8 ns per PC in a compiled
 * loop, against 0.8-1.2 ns now on the same machine (docs/performance.md).
 * The count is never trusted: any value outside {@code [0, capacity)} drops the entry and sets
 * {@link Task#overflow}, so a count a reader corrupted cannot move a write outside the area
 * (and the buffer's own bounds check stands behind ours).
 *
 * <p>Cost on a thread that is not tracing: nothing under the agent until the first thread in the
 * JVM records ({@link StaticKey}: the agent loads this class with the reads of
 * {@link #registered}, {@link #pcTasks} and {@link #cmpTasks} replaced by 0, and marks the
 * {@code record*} slow paths, {@code pause} and {@code resume} {@code @DontInline}); after that,
 * or without the agent, one plain load of {@link #pcTasks} (a block probe) or {@link #cmpTasks}
 * (a comparison probe) and a branch while no thread in the JVM traces in that probe's mode;
 * otherwise also {@code currentThread} and up to four reference compares against {@link #FEW},
 * and a bucket walk only while more than four threads record.
 */
public final class Trace {

    /** {@link Task#mode} of a task that records nothing. */
    public static final int OFF = -1;
    /** {@link Task#mode} values equal the KCOV mode numbers (KCOV_TRACE_PC, KCOV_TRACE_CMP). */
    public static final int TRACE_PC = 0;
    public static final int TRACE_CMP = 1;

    /** KCOV_CMP_CONST and KCOV_CMP_SIZE(n) as in include/uapi/linux/kcov.h. */
    static final long CMP_CONST = 1;
    static final long CMP_SIZE4 = 2L << 1;
    static final long CMP_SIZE8 = 3L << 1;

    private static final long LOW32 = 0xFFFF_FFFFL;

    /**
     * Masks a count already checked against its capacity: no area or section is larger than
     * {@code Kcov.MAX_WORDS} (2^28 - 1), so the mask changes no valid count, but it tells C2 that
     * the indices derived from it are small and non-negative. On JDK 17, where
     * {@code Buffer.checkIndex} is {@code i < 0 || i >= limit}, C2 then drops the first compare of
     * every store and shares one address computation among a CMP record's four stores: a record
     * took 2.5-3.1 ns instead of 3.4-3.6 in the same loop (docs/performance.md).
     */
    private static final int INDEX_MASK = 0x0FFF_FFFF;

    /**
     * Whether the CPU keeps stores in program order (x86's total store order), so that the count
     * store needs no fence to follow the entries (class comment); see {@link StoreOrder}.
     */
    static final boolean TSO = StoreOrder.isTotal();

    /** The int forms of the two types of 32-bit records, so entry points push no long. */
    private static final int CMP_SIZE4_INT = (int) CMP_SIZE4;
    private static final int CMP_CONST_SIZE4_INT = (int) (CMP_CONST | CMP_SIZE4);

    /**
     * Number of tasks in {@link #BUCKETS}. Written only under {@link Tasks}' lock; read plainly
     * here. A thread registers and unregisters its own task, and the Java memory model lets
     * every thread see its own writes in program order, so a tracing thread always sees a
     * nonzero value. Other threads may see a stale one, which only costs them a lookup.
     */
    static int registered;

    /**
     * Of those, the tasks that trace PCs and those that trace comparisons: what the entry points
     * test, so that while every recording thread traces comparisons (or every one PCs), a block
     * probe (or a comparison probe) costs what it costs when nothing traces, one load and a
     * branch, instead of a call of the slow path (not inlined under the agent: {@link StaticKey})
     * whose lookup ends in the other mode. In a TRACE_CMP run of bzip2 and Jackson the block
     * probes outnumber the records 532 M to 309 M (docs/performance-whole-process.md). Kept like
     * {@link #registered}: under {@link Tasks}' lock, read plainly, each thread changing them
     * only for its own task's start (a stop from another thread leaves at worst a stale nonzero,
     * which costs a lookup).
     */
    static int pcTasks;
    static int cmpTasks;

    /**
     * The first four registered tasks, by thread: replaced whole under {@link Tasks}' lock, and
     * immutable, so a plain read sees a consistent one (final fields, JLS 17.5). Comparing
     * references needs no hash: {@code System.identityHashCode} leaves the JIT's fast path for
     * good once the thread's monitor is inflated (a {@code join()} on it does that), and then
     * costs tens of nanoseconds per probe. Kept in {@link FewSlot}, alone on its cache lines,
     * rather than in a static field: see there.
     */
    static final FewSlot FEW = new FewSlot();

    /**
     * All tasks by thread identity hash, consulted only while more than four are registered:
     * heads of chains of immutable {@link Node}s, replaced (never modified) under {@link Tasks}'
     * lock, so a plain read sees a consistent chain.
     */
    static final Node[] BUCKETS = new Node[1 << 10];

    private Trace() {}

    // ---- entry points: kept tiny so the JIT inlines them at every probe ----------------------
    // Each passes only its own operands on (C1 refuses callees over 35 bytes of bytecode, or
    // whose operand stack on top of a deep caller's is too much), and adds the type further down.

    /** A basic block was entered. */
    public static void pc(long pc) {
        if (pcTasks != 0) recordPc(pc);
    }

    /** {@code if_icmp<cond>} with no literal operand: SIZE(2), left, right. */
    public static void cmp4(int arg1, int arg2, long pc) {
        if (cmpTasks != 0) recordCmp4(CMP_SIZE4_INT, arg1, arg2, pc);
    }

    /** {@code if_icmp<cond>} with a literal operand, or {@code if<cond>} (literal 0). */
    public static void constCmp4(int literal, int other, long pc) {
        if (cmpTasks != 0) recordCmp4(CMP_CONST_SIZE4_INT, literal, other, pc);
    }

    /** Replaces {@code lcmp} (no literal operand): records SIZE(3), returns lcmp's result. */
    public static int lcmp(long left, long right, long pc) {
        if (cmpTasks != 0) recordCmp8(CMP_SIZE8, left, right, pc);
        return compare(left, right);
    }

    /** Replaces {@code lcmp} whose left operand is a literal. */
    public static int lcmpConstLeft(long literal, long right, long pc) {
        if (cmpTasks != 0) recordCmp8(CMP_CONST | CMP_SIZE8, literal, right, pc);
        return compare(literal, right);
    }

    /** Replaces {@code lcmp} whose right operand is a literal. */
    public static int lcmpConstRight(long left, long literal, long pc) {
        if (cmpTasks != 0) recordCmp8(CMP_CONST | CMP_SIZE8, literal, left, pc);
        return compare(left, literal);
    }

    /** One case of a {@code lookupswitch}: CONST | SIZE(2), the case, the value. */
    public static void switchCase(int value, int caseConstant, long pc) {
        if (cmpTasks != 0) recordCmp4(CMP_CONST_SIZE4_INT, caseConstant, value, pc);
    }

    /** A {@code tableswitch}: one record per case from low to high, as trace_switch does. */
    public static void tableSwitch(int value, int low, int high, long pc) {
        if (cmpTasks != 0) recordTableSwitch(value, low, high, pc);
    }

    /** A static initialiser starts: stop recording on this thread until it ends (noise). */
    public static void enterClinit() {
        if (registered != 0) pause();
    }

    /** A static initialiser ends, normally or by an exception. */
    public static void exitClinit() {
        if (registered != 0) resume();
    }

    // ---- the rest of the hot path ------------------------------------------------------------

    /** The calling thread's task, or null. */
    private static Task task() {
        Thread self = Thread.currentThread();
        Few f = FEW.few;
        if (f.t0 == self) return f.k0;
        if (f.t1 == self) return f.k1;
        if (f.t2 == self) return f.k2;
        if (f.t3 == self) return f.k3;
        return f.all ? null : taskByHash(self);
    }

    /** The task of {@code self} in the buckets: while more than four are registered, and for Tasks. */
    static Task taskByHash(Thread self) {
        Node n = BUCKETS[System.identityHashCode(self) & (BUCKETS.length - 1)];
        while (n != null) {
            if (n.thread == self) return n.task;
            n = n.next;
        }
        return null;
    }

    private static void recordPc(long pc) {
        Task t = task();
        if (t != null && t.mode == TRACE_PC) writePc(t, pc);
    }

    /** A 32-bit comparison: operands zero-extended (an int -1 is 0xFFFFFFFF). */
    private static void recordCmp4(int type, int arg1, int arg2, long ip) {
        Task t = task();
        if (t != null && t.mode == TRACE_CMP) writeCmp(t, type, arg1 & LOW32, arg2 & LOW32, ip);
    }

    private static void recordCmp8(long type, long arg1, long arg2, long ip) {
        Task t = task();
        if (t != null && t.mode == TRACE_CMP) writeCmp(t, type, arg1, arg2, ip);
    }

    /** What {@code lcmp} pushes (JVMS 6.5.lcmp), without calling Long.compare (rule 2). */
    private static int compare(long left, long right) {
        return left < right ? -1 : (left == right ? 0 : 1);
    }

    private static void recordTableSwitch(int value, int low, int high, long ip) {
        Task t = task();
        if (t == null || t.mode != TRACE_CMP) return;
        long v = value & LOW32;
        for (long c = low; c <= high; c++) writeCmp(t, CMP_CONST | CMP_SIZE4, c & LOW32, v, ip);
    }

    /**
     * Appends one PC if {@code count + 1 < size}. Why the count is loaded through {@code area},
     * stored through {@code head}, and fenced only off x86: see the class comment.
     */
    static void writePc(Task t, long pc) {
        LongBuffer area = t.area;
        long count = area.get(0);
        if (count >= 0 && count < t.pcCapacity) {
            area.put(((int) count & INDEX_MASK) + 1, pc);
            if (!TSO) VarHandle.releaseFence();
            t.head.put(0, count + 1);
        } else {
            overflow(t);
        }
    }

    /** Appends one 4-word record if it fits whole: {@code 1 + 4 * (count + 1) <= size}. */
    static void writeCmp(Task t, long type, long arg1, long arg2, long ip) {
        LongBuffer area = t.area;
        long count = area.get(0);
        if (count >= 0 && count < t.cmpCapacity) {
            int at = 1 + ((int) count & INDEX_MASK) * 4;
            area.put(at, type);
            area.put(at + 1, arg1);
            area.put(at + 2, arg2);
            area.put(at + 3, ip);
            if (!TSO) VarHandle.releaseFence();
            t.head.put(0, count + 1);
        } else {
            overflow(t);
        }
    }

    /**
     * An entry did not fit. The fence is for a loop whose writes all end here (the area was full
     * while the JIT profiled it, so the storing branch is compiled as a trap): without a store or
     * a fence in the loop, C2 could load the count once before it, and a reset would not be seen
     * until the loop ends. It costs no instruction on x86.
     */
    private static void overflow(Task t) {
        t.overflow = true;
        VarHandle.acquireFence();
    }

    private static void pause() {
        Task t = task();
        if (t == null) return;
        if (t.paused++ == 0) {
            t.pausedMode = t.mode;
            t.mode = OFF;
        }
    }

    private static void resume() {
        Task t = task();
        if (t == null || t.paused == 0) return;
        if (--t.paused == 0) t.mode = t.pausedMode;
    }

    // ---- state -------------------------------------------------------------------------------

    /**
     * What one thread records into: the kernel's {@code task_struct} kcov fields. Created and
     * registered by {@link Tasks}; the fields are written by the owning thread, except that a
     * descriptor closed from another thread sets {@link #mode} to {@link #OFF}. Nothing on the
     * hot path fences, so a compiled loop of the owner may have read the mode once before it
     * started and sees that store when it next starts (docs/hot-path.md, "What the JIT may now
     * hoist"); its entries meanwhile go into the closed area, which this task keeps mapped.
     */
    public static final class Task {
        final Thread thread;
        /** {@link #TRACE_PC}, {@link #TRACE_CMP} or {@link #OFF}. */
        int mode;
        /**
         * The area or a section buffer: a little-endian view of a direct buffer, so of one class
         * for every task (DirectLongBufferU on a little-endian machine) and the accessors' call
         * sites stay monomorphic. The count is loaded and the entries stored through it.
         */
        final LongBuffer area;
        /** A second view of the same memory, through which the count is stored (class comment). */
        final LongBuffer head;
        /** How many PCs, and how many whole CMP records, {@link #area} holds. */
        final long pcCapacity;
        final long cmpCapacity;
        /** Set when an entry did not fit. */
        boolean overflow;
        /** The mode the task was started in, which it counts in ({@link #pcTasks}, {@link #cmpTasks}). */
        final int startMode;
        /** Depth of pauses (static initialisers, jkcov itself) and the mode they suspended. */
        int paused;
        int pausedMode;
        /** What this task records for: a descriptor, or a section. Slow path only. */
        Object owner;

        /** {@code words}: the size of the buffer in 64-bit words, count included. */
        Task(Thread thread, ByteBuffer buffer, long words, int mode) {
            this.thread = thread;
            this.mode = mode;
            this.startMode = mode;
            this.area = view(buffer);
            this.head = view(buffer);
            this.pcCapacity = words - 1;
            this.cmpCapacity = (words - 1) >> 2;
        }

        private static LongBuffer view(ByteBuffer buffer) {
            // clear(): the view covers the whole buffer, whatever its position and limit
            return buffer.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        }

        /** What this task records for; slow path only. */
        public Object owner() {
            return owner;
        }
    }

    /** Up to four registered tasks and their threads; {@code all}: no other task exists. */
    static final class Few {
        static final Few EMPTY = new Few(new Task[0], true);

        final Thread t0, t1, t2, t3;
        final Task k0, k1, k2, k3;
        final boolean all;

        Few(Task[] tasks, boolean all) {
            int n = tasks.length;
            k0 = n > 0 ? tasks[0] : null;
            k1 = n > 1 ? tasks[1] : null;
            k2 = n > 2 ? tasks[2] : null;
            k3 = n > 3 ? tasks[3] : null;
            t0 = k0 == null ? null : k0.thread;
            t1 = k1 == null ? null : k1.thread;
            t2 = k2 == null ? null : k2.thread;
            t3 = k3 == null ? null : k3.thread;
            this.all = all;
        }
    }

    /**
     * Where {@link #FEW} keeps the current {@link Few}: 64 bytes of padding on each side, so that
     * no other field or object shares its cache line. As a static field of Trace it shared one
     * with something that is written while threads trace: with two threads recording, the lookup
     * alone (HotPathAnatomy.lookupOnly2Threads) took 2.3-2.4 ns per call against 0.6-1.4 ns on
     * one thread, on JDK 17 and 25 alike, while the same compares on a copy of the same reference
     * kept their speed; in its own slot it takes 1.2-1.3 ns on two threads, as on one
     * (docs/performance.md, "Results, 2026-12-07"). The padding is inherited because
     * HotSpot lays out a superclass's fields before a subclass's; ints, because since JDK 15 a
     * subclass field may fill a 4-byte hole left after the object header, which the first int
     * takes. {@code @Contended} would say this directly, but it is {@code jdk.internal} and
     * ignored in application classes unless {@code -XX:-RestrictContended}.
     */
    static final class FewSlot extends FewValue {
        int a00, a01, a02, a03, a04, a05, a06, a07, a08, a09, a10, a11, a12, a13, a14, a15;
    }

    /** The slot's value; replaced only under {@link Tasks}' lock. */
    static class FewValue extends FewPadding {
        Few few = Few.EMPTY;
    }

    /** The padding in front of {@link FewValue#few}. */
    static class FewPadding {
        int b00, b01, b02, b03, b04, b05, b06, b07, b08, b09, b10, b11, b12, b13, b14, b15;
    }

    /** One link of a bucket chain; immutable, so racy readers see it whole (JLS 17.5). */
    static final class Node {
        final Thread thread;
        final Task task;
        final Node next;

        Node(Task task, Node next) {
            this.thread = task.thread;
            this.task = task;
            this.next = next;
        }
    }

    static {
        // Link every call site above (the LongBuffer accessors, the fences) now,
        // on whichever thread first touches this class, so that no class is spun or loaded later
        // on a tracing thread (rule 3). The buffer is direct, like every area, so its view is of
        // the same class as every task's and the profile the JIT sees stays monomorphic.
        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
        Task warm = new Task(null, buffer, 8, OFF);
        writePc(warm, 1);
        writeCmp(warm, 0, 0, 0, 0);
        overflow(warm);
    }
}
