package io.jkcov;

import io.jkcov.internal.Area;
import io.jkcov.internal.StaticKey;
import io.jkcov.internal.Tasks;
import io.jkcov.internal.Trace.Task;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.ArrayDeque;
import java.nio.file.Path;

/**
 * One KCOV descriptor: what {@code open("/sys/kernel/debug/kcov")} returns.
 *
 * <pre>{@code
 * try (Kcov kcov = Kcov.open()) {
 *     kcov.initTrace(1 << 16);               // KCOV_INIT_TRACE + mmap
 *     LongBuffer area = kcov.area();
 *     kcov.enable(Mode.TRACE_PC);            // KCOV_ENABLE, on this thread only
 *     area.put(0, 0);                        // reset
 *     target.run();
 *     long n = area.get(0);                  // PCs at area[1..n]
 *     kcov.disable();                        // KCOV_DISABLE
 * }
 * }</pre>
 *
 * <p>Misuse throws {@link KcovException} with the errno KCOV gives (docs/kcov-api.md). The
 * methods are thread-safe; tracing itself is per thread, as in the kernel.
 */
public final class Kcov implements AutoCloseable {

    /**
     * The largest area, in words: INT_MAX / 8, the kernel's limit, and one mapped buffer's. The
     * hot path's index mask (Trace.INDEX_MASK, 2^28 - 1) relies on no area being larger.
     */
    public static final long MAX_WORDS = Integer.MAX_VALUE / 8;

    /** Type bit of a CMP record: one operand is a compile-time constant (KCOV_CMP_CONST). */
    public static final long KCOV_CMP_CONST = 1;

    /** Mask of the size field of a CMP record's type (KCOV_CMP_MASK). */
    public static final long KCOV_CMP_MASK = 6;

    /** Size field of a CMP record's type: {@code n} is log2 of the operand size in bytes. */
    @SuppressWarnings("MethodName") // named after the kernel macro on purpose
    public static long KCOV_CMP_SIZE(int n) {
        return (long) n << 1;
    }

    // Guarded by this.
    private Area area;
    private boolean closed;
    /** The thread that enabled this descriptor, its task and mode; null while not enabled. */
    private Thread owner;
    private Task task;
    private Mode mode;
    /** The mode of the latest enable, which decides how many entries the area holds. */
    private Mode lastMode = Mode.TRACE_PC;
    /** An entry was dropped by an earlier enable since the last reset. */
    private boolean dropped;

    // Remote mode (docs/remote.md); guarded by this.
    private boolean remote;
    private long[] handles = new long[0];
    private long common;
    private long sectionWords;
    /** Bumped at every enable and disable: a section opened before then writes nothing. */
    private long sequence;
    /** Section buffers of {@link #sectionWords} words, kept for reuse (kcov_remote_area_get). */
    private final ArrayDeque<ByteBuffer> spareSections = new ArrayDeque<>();
    /** Sections of carried tasks open in the current sequence; see {@link #awaitTaskSections}. */
    private int openTaskSections;

    /**
     * How long disable and close wait for sections of carried tasks to close. A pool publishes a
     * task's result from inside the task (FutureTask.set, ForkJoinTask.setDone, a
     * CompletableFuture's completion), so an owner can see its request done a moment before the
     * section around it has landed; task sections are short, and this bound is only a guard
     * against a task that never ends.
     */
    static final long TASK_SECTION_WAIT_MS = 2000;

    private Kcov() {}

    /** Opens a descriptor with no area yet. */
    public static Kcov open() {
        return new Kcov();
    }

    /**
     * Creates the area: {@code words} u64 words, count included (KCOV_INIT_TRACE and mmap).
     *
     * @throws KcovException EBUSY if already initialised; EINVAL unless
     *     {@code 2 <= words <= MAX_WORDS}; ENOMEM if the file cannot be created
     */
    public synchronized void initTrace(long words) {
        checkOpen();
        if (area != null) throw new KcovException("EBUSY", "initTrace was already called on this descriptor");
        if (words < 2 || words > MAX_WORDS) {
            throw new KcovException("EINVAL", "area size " + words + " words is out of range [2, " + MAX_WORDS + "]");
        }
        try {
            area = Area.create(words);
        } catch (IOException | RuntimeException e) {
            throw new KcovException("ENOMEM", "cannot create a " + words + "-word area: " + e, e);
        }
    }

    /** A little-endian view of the whole area; index 0 is the count. */
    public synchronized LongBuffer area() {
        return initialised().longs();
    }

    /** The mapped file, for a reader in another process; see docs/area.md. */
    public synchronized Path areaFile() {
        return initialised().file();
    }

    /** The area's size in words, as given to {@link #initTrace}. */
    public synchronized long size() {
        return initialised().words();
    }

    /** area[0] loaded with acquire semantics: the entries it counts are all visible. */
    public synchronized long count() {
        return initialised().count();
    }

    /**
     * Stores 0 into area[0] and forgets earlier overflow; the same as a reader storing 0, which
     * may also be done at any time, by anyone.
     */
    public synchronized void reset() {
        Area a = initialised();
        dropped = false;
        if (task != null) Tasks.clearOverflow(task);
        a.reset();
    }

    /**
     * Starts recording on the calling thread (KCOV_ENABLE). The area's pages are touched
     * first, so the hot path never faults. Under the agent, the first enable in the JVM also
     * switches the probes on ({@link StaticKey}), once: it deoptimises the
     * compiled instrumented code.
     *
     * @throws KcovException EINVAL if not initialised, already enabled, or {@code mode} is null;
     *     EBUSY if this thread already records into another descriptor
     */
    public synchronized void enable(Mode mode) {
        checkEnablable("enable", mode);
        Thread self = Thread.currentThread();
        Task other = Tasks.current();
        if (other != null) {
            throw new KcovException("EBUSY", "thread \"" + self.getName() + "\" already records"
                    + (other.owner() instanceof Section ? " in a remote section" : " into another descriptor"));
        }
        task = Tasks.start(this, area.buffer(), area.words(), mode.value());
        started(mode);
    }

    /** What enable and remoteEnable both require: EBADF, then EINVAL as KCOV_ENABLE gives it. */
    private void checkEnablable(String call, Mode mode) {
        checkOpen();
        if (mode == null) throw new KcovException("EINVAL", "mode is null; use Mode.TRACE_PC or Mode.TRACE_CMP");
        if (area == null) throw new KcovException("EINVAL", call + " before initTrace: the descriptor has no area");
        reapDeadOwner();
        if (owner != null) {
            throw new KcovException("EINVAL", owner == Thread.currentThread()
                    ? "already enabled on this thread"
                    : "already enabled by thread \"" + owner.getName() + "\"");
        }
    }

    /**
     * The calling thread now owns this descriptor in {@code mode}. The area's pages are touched
     * (kcov_fault_in_area), and the sequence moves on so that no older section appends.
     */
    private void started(Mode mode) {
        area.faultIn();
        sequence++;
        owner = Thread.currentThread();
        this.mode = mode;
        lastMode = mode;
        Reaper.watch(this);
    }

    /**
     * Puts this descriptor in remote mode (KCOV_REMOTE_ENABLE): work done for it on other
     * threads, in sections for {@code handles} or carried by {@code commonHandle}, is appended
     * to the area as one run per section. The calling thread does not record for itself here
     * (it may {@link #enable} another descriptor for that); it becomes the owner, and
     * {@code commonHandle} becomes its {@link KcovRemote#commonHandle()}.
     *
     * @param sectionWords the size of each section's buffer, count included
     * @param handles non-common handles, unique among live descriptors; at most 256
     * @param commonHandle a handle of subsystem COMMON, or 0 for none
     * @throws KcovException EINVAL for the cases of {@link #enable}, over 256 handles, a
     *     malformed or COMMON handle in {@code handles}, a non-COMMON common handle, a bad
     *     section size; EEXIST if a handle is registered already; EBUSY if the calling thread
     *     already owns a descriptor in remote mode
     */
    public synchronized void remoteEnable(Mode mode, long sectionWords, long[] handles, long commonHandle) {
        checkEnablable("remoteEnable", mode);
        if (handles == null) throw new KcovException("EINVAL", "handles is null; pass an empty array for none");
        if (handles.length > KcovRemote.MAX_HANDLES) {
            throw new KcovException("EINVAL", handles.length + " handles exceed the limit of " + KcovRemote.MAX_HANDLES);
        }
        if (sectionWords < 2 || sectionWords > MAX_WORDS) {
            throw new KcovException("EINVAL", "section size " + sectionWords + " words is out of range [2, " + MAX_WORDS + "]");
        }
        for (long h : handles) {
            if (!KcovRemote.wellFormed(h) || KcovRemote.subsystem(h) == KcovRemote.SUBSYSTEM_COMMON) {
                throw new KcovException("EINVAL", String.format("handle 0x%016x is %s", h, KcovRemote.wellFormed(h)
                        ? "a COMMON handle; pass it as commonHandle" : "malformed: bits 32..55 must be zero"));
            }
        }
        if (commonHandle != 0 && (!KcovRemote.wellFormed(commonHandle)
                || KcovRemote.subsystem(commonHandle) != KcovRemote.SUBSYSTEM_COMMON)) {
            throw new KcovException("EINVAL", String.format("common handle 0x%016x is not a COMMON handle"
                    + " (subsystem 0x00, bits 32..55 zero)", commonHandle));
        }
        if (Remotes.ownsRemote()) {
            throw new KcovException("EBUSY", "this thread already owns another descriptor in remote mode");
        }
        // The probes' static key on now, on the caller's thread: not in the first section, which
        // may open inside a JDK hook on a pool thread, where a failure could not be reported.
        StaticKey.switchOn();
        Remotes.register(this, handles, commonHandle);
        if (sectionWords != this.sectionWords) spareSections.clear();
        this.sectionWords = sectionWords;
        this.handles = handles.clone();
        this.common = commonHandle;
        remote = true;
        started(mode);
    }

    /** What a section needs to record for this descriptor; see {@link #sectionTicket()}. */
    static final class SectionTicket {
        final long sequence;
        final ByteBuffer buffer;
        final long words;
        final int mode;
        final boolean task;

        SectionTicket(long sequence, ByteBuffer buffer, long words, int mode, boolean task) {
            this.sequence = sequence;
            this.buffer = buffer;
            this.words = words;
            this.mode = mode;
            this.task = task;
        }
    }

    /**
     * A buffer and the current sequence for a new section, or null if not in remote mode.
     * {@code task}: the section of a carried task, which disable waits for.
     */
    synchronized SectionTicket sectionTicket(boolean task) {
        if (!remote) return null;
        ByteBuffer buffer = spareSections.poll();
        if (buffer == null) {
            try {
                buffer = Area.sectionBuffer(sectionWords);
            } catch (OutOfMemoryError e) {
                return null; // no memory for the section: its work goes unrecorded, nothing fails
            }
        }
        Area.storeCount(buffer, 0);
        if (task) openTaskSections++;
        return new SectionTicket(sequence, buffer, sectionWords, mode.value(), task);
    }

    /** kcov_remote_stop's second half: append the section's run unless the owner moved on. */
    synchronized void closeSection(SectionTicket ticket) {
        if (remote && !closed && ticket.sequence == sequence) {
            dropped |= area.append(ticket.buffer, ticket.words, ticket.mode == Mode.TRACE_CMP.value());
            if (ticket.task && --openTaskSections == 0) notifyAll();
        }
        if (ticket.words == sectionWords) spareSections.push(ticket.buffer);
    }

    /** Lets the sections of carried tasks still open land first (bounded; see the constant). */
    private void awaitTaskSections() {
        long deadline = System.nanoTime() + TASK_SECTION_WAIT_MS * 1_000_000;
        boolean interrupted = false;
        for (long left; openTaskSections > 0 && (left = deadline - System.nanoTime()) > 0; ) {
            try {
                wait(left / 1_000_000 + 1);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        openTaskSections = 0;
        if (interrupted) Thread.currentThread().interrupt();
    }

    synchronized boolean isRemoteOwnedBy(Thread thread) {
        return remote && owner == thread;
    }

    /**
     * Stops recording (KCOV_DISABLE); the area keeps what was recorded. In remote mode, sections
     * of carried tasks still open are let land first (for at most 2 s: a pool publishes a task's
     * result a moment before the task's section closes); then the handles are unregistered (and
     * may be registered again), and sections still open append nothing.
     *
     * @throws KcovException EINVAL unless called by the thread that enabled it
     */
    public synchronized void disable() {
        checkOpen();
        reapDeadOwner();
        Thread self = Thread.currentThread();
        if (owner != self) {
            throw new KcovException("EINVAL", owner == null
                    ? "not enabled"
                    : "enabled by thread \"" + owner.getName() + "\", not by the caller");
        }
        stop();
    }

    /** The mode this descriptor records in, or null while it is not enabled. */
    public synchronized Mode mode() {
        reapDeadOwner();
        return mode;
    }

    /**
     * Whether entries were dropped for lack of space in the current trace. KCOV has no such
     * flag (syzkaller infers it from a full count); this is true when an entry was dropped
     * and the count still shows a full area, so a reset by storing 0 clears it too.
     */
    public synchronized boolean overflowed() {
        if (area == null) return false;
        boolean any = dropped || (task != null && Tasks.overflowed(task));
        if (!any) return false;
        return area.count() >= area.capacity(lastMode == Mode.TRACE_CMP);
    }

    /**
     * Disables (from any thread) and releases the area: its file is deleted; buffers returned
     * by {@link #area()} stay readable. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        if (owner != null) stop();
        if (area != null) area.delete();
        closed = true;
    }

    /** Disables the descriptor if its thread has ended (kcov_task_exit). */
    synchronized void reapDeadOwner() {
        if (owner != null && !owner.isAlive()) stop();
    }

    private void stop() {
        if (remote) {
            awaitTaskSections();
            Remotes.unregister(this, handles, common, owner);
            remote = false;
        } else {
            dropped |= Tasks.overflowed(task);
            Tasks.stop(task);
            task = null;
        }
        sequence++;
        owner = null;
        mode = null;
        Reaper.unwatch(this);
    }

    private void checkOpen() {
        if (closed) throw new KcovException("EBADF", "the descriptor is closed");
    }

    private Area initialised() {
        checkOpen();
        if (area == null) throw new KcovException("EINVAL", "initTrace has not been called on this descriptor");
        return area;
    }

    @Override
    public synchronized String toString() {
        return "Kcov[" + (closed ? "closed" : area == null ? "no area" : area.file() + ", " + area.words() + " words")
                + (owner != null ? ", " + mode + " on \"" + owner.getName() + "\"" : "") + "]";
    }
}
