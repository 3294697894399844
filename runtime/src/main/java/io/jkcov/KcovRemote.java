package io.jkcov;

/**
 * Remote coverage (kcov-model.md section 5): work done for a tracing thread on other threads
 * comes back to it through handles.
 *
 * <p>A handle is a u64: subsystem in bits 56..63, instance in bits 0..31, bits 32..55 zero. An
 * owner registers handles with {@link Kcov#remoteEnable}; any thread then wraps work done on
 * the owner's behalf in a section:
 * <pre>{@code
 * try (KcovRemote.Section s = KcovRemote.start(handle)) {   // kcov_remote_start
 *     serve(request);
 * }                                                          // kcov_remote_stop
 * }</pre>
 * The owner's common handle needs no such code: it is the calling thread's
 * {@link #commonHandle()}, and the agent carries it into threads started and tasks submitted
 * by the thread (docs/remote.md).
 */
public final class KcovRemote {

    /** The subsystem of common handles, which travel with threads and tasks by themselves. */
    public static final int SUBSYSTEM_COMMON = 0x00;
    /** The kernel's USB subsystem; other values up to 0xFF are the application's own. */
    public static final int SUBSYSTEM_USB = 0x01;
    /** At most this many handles per {@link Kcov#remoteEnable} (KCOV_REMOTE_MAX_HANDLES). */
    public static final int MAX_HANDLES = 0x100;

    static final long SUBSYSTEM_MASK = 0xFFL << 56;
    static final long INSTANCE_MASK = 0xFFFF_FFFFL;

    private KcovRemote() {}

    /**
     * Builds a handle; 0 if {@code subsystem} is outside 0..0xFF. The instance is taken as an
     * unsigned 32-bit number, so every int is a valid instance.
     */
    public static long handle(int subsystem, int instance) {
        if (subsystem < 0 || subsystem > 0xFF) return 0;
        return ((long) subsystem << 56) | (instance & INSTANCE_MASK);
    }

    /** The subsystem of a handle (bits 56..63). */
    public static int subsystem(long handle) {
        return (int) (handle >>> 56);
    }

    /** The instance of a handle (bits 0..31), unsigned. */
    public static long instance(long handle) {
        return handle & INSTANCE_MASK;
    }

    /** Whether bits 32..55 are zero, as every handle must have them. */
    static boolean wellFormed(long handle) {
        return (handle & ~(SUBSYSTEM_MASK | INSTANCE_MASK)) == 0;
    }

    /**
     * Opens a section for {@code handle} on the calling thread: until it is closed, the thread
     * records into a buffer of the owner's, in the owner's mode, and the buffer is appended to
     * the owner's area at close. Does nothing (returns an inert section) if the handle is not
     * registered, if the thread is already inside an explicit section (sections do not nest)
     * or if it traces for itself.
     */
    public static Section start(long handle) {
        return Remotes.startExplicit(handle);
    }

    /**
     * The handle current on the calling thread, 0 if none: the common handle of a thread that
     * called {@code remoteEnable}, or the handle of the section or carried task it is running.
     */
    public static long commonHandle() {
        return Remotes.current();
    }

    /**
     * Runs what follows in the context captured by {@link #commonHandle()} on the thread that
     * created a task, until the returned section is closed: the task's handle replaces the
     * thread's (0 included: a task captured with no handle runs with none) and a section records
     * for the handle's owner. Unlike {@link #start}, these nest, and the outer context is restored
     * at close. Used by the agent's propagation; application code rarely needs it.
     */
    public static Section enter(long captured) {
        return Remotes.enter(captured);
    }

    /** An open section; {@link #close()} is kcov_remote_stop and never throws. */
    public interface Section extends AutoCloseable {
        @Override
        void close();
    }
}
