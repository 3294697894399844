package io.jkcov;

import io.jkcov.internal.Tasks;
import io.jkcov.internal.Trace.Task;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote machinery behind {@link KcovRemote}: the registry of handles, and each thread's
 * context (its current handle, its open section, the descriptor it owns in remote mode).
 *
 * <p>Nothing here is on the hot path, but {@link #current()} and {@link #enter} run at every
 * task submission and task start once the agent propagates handles, so both cost one volatile
 * load while no descriptor is in remote mode.
 */
final class Remotes {

    /** Registered handles (common ones included) and their descriptors. */
    private static final ConcurrentHashMap<Long, Kcov> HANDLES = new ConcurrentHashMap<>();

    /** Descriptors in remote mode; while 0 no section can open, so nothing needs a context. */
    private static volatile int owners;

    private static final ThreadLocal<Context> CONTEXT = ThreadLocal.withInitial(Context::new);

    static final KcovRemote.Section INERT = new Inert();

    private Remotes() {}

    /** What a thread carries: the kernel's t->kcov_handle plus the section it is in. */
    static final class Context {
        long handle;
        Section section;
        /** The descriptor this thread put in remote mode, if any. */
        Kcov owned;
    }

    // ---- registration, called by Kcov under its lock -----------------------------------------

    /** Registers all of {@code handles} and {@code common} (if not 0) for {@code kcov}, or none. */
    static void register(Kcov kcov, long[] handles, long common) {
        int done = 0;
        try {
            for (; done < handles.length; done++) {
                if (HANDLES.putIfAbsent(handles[done], kcov) != null) throw exists(handles[done]);
            }
            if (common != 0 && HANDLES.putIfAbsent(common, kcov) != null) throw exists(common);
        } catch (KcovException e) {
            for (int i = 0; i < done; i++) HANDLES.remove(handles[i], kcov);
            throw e;
        }
        synchronized (Remotes.class) {
            owners++;
        }
        Context c = CONTEXT.get();
        c.owned = kcov;
        c.handle = common;
    }

    private static KcovException exists(long handle) {
        return new KcovException("EEXIST", String.format("handle 0x%016x is already registered by a live descriptor"
                + " (or listed twice)", handle));
    }

    /** Unregisters; clears the owner's context when called on the owner's thread. */
    static void unregister(Kcov kcov, long[] handles, long common, Thread ownerThread) {
        for (long h : handles) HANDLES.remove(h, kcov);
        if (common != 0) HANDLES.remove(common, kcov);
        synchronized (Remotes.class) {
            owners--;
        }
        if (Thread.currentThread() == ownerThread) {
            Context c = CONTEXT.get();
            if (c.owned == kcov) {
                c.owned = null;
                if (c.handle == common) c.handle = 0;
            }
        }
    }

    /** Whether the calling thread owns a descriptor that is still in remote mode. */
    static boolean ownsRemote() {
        if (owners == 0) return false;
        Kcov k = CONTEXT.get().owned;
        return k != null && k.isRemoteOwnedBy(Thread.currentThread());
    }

    /** Whether any descriptor is in remote mode: if not, no handle can matter anywhere. */
    static boolean active() {
        return owners != 0;
    }

    // ---- contexts and sections -----------------------------------------------------------------

    static long current() {
        if (owners == 0) return 0;
        return CONTEXT.get().handle;
    }

    static KcovRemote.Section startExplicit(long handle) {
        if (owners == 0 || handle == 0) return INERT;
        Context c = CONTEXT.get();
        if (c.section != null || Tasks.current() != null) return INERT;
        Kcov kcov = HANDLES.get(handle);
        if (kcov == null) return INERT;
        Section s = Section.open(kcov, handle, c, false);
        return s == null ? INERT : s;
    }

    static KcovRemote.Section enter(long captured) {
        return enter(captured, false);
    }

    /** {@code task}: a carried task (not a thread, not an explicit section) is entered. */
    static KcovRemote.Section enter(long captured, boolean task) {
        if (owners == 0) return INERT;
        Context c = CONTEXT.get();
        Task own = Tasks.current();
        if (own != null && !(own.owner() instanceof Section)) {
            // The thread traces for itself: its own trace keeps recording, as in the kernel,
            // where a task with kcov enabled starts no remote section. Only the handle changes.
            if (captured == c.handle) return INERT;
            Entered e = new Entered(c, null);
            c.handle = captured;
            return e;
        }
        if (c.section != null ? c.section.handle() == captured : captured == 0 && c.handle == 0) {
            return INERT; // already recording for that owner (or for nobody): nothing changes
        }
        // Note that the owner's own thread, outside any section, does open one for a task
        // carrying its handle: a pool may run such a task inline on the submitter (a get() that
        // helps, a caller-runs policy), and the owner does not record for itself.
        Entered e = new Entered(c, c.section);
        if (c.section != null) c.section.suspend();
        c.section = null;
        c.handle = captured;
        Kcov kcov = captured == 0 ? null : HANDLES.get(captured);
        if (kcov != null) e.inner = Section.open(kcov, captured, c, task);
        return e;
    }

    /** A carried task's context: restores the thread's handle and section at close. */
    private static final class Entered implements KcovRemote.Section {
        private final Context context;
        private final long savedHandle;
        private final Section savedSection;
        Section inner;
        private boolean closed;

        Entered(Context context, Section savedSection) {
            this.context = context;
            this.savedHandle = context.handle;
            this.savedSection = savedSection;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            if (inner != null) inner.close();
            context.handle = savedHandle;
            context.section = savedSection;
            if (savedSection != null) savedSection.resume();
        }
    }

    private static final class Inert implements KcovRemote.Section {
        @Override
        public void close() {}

        @Override
        public String toString() {
            return "inert section";
        }
    }
}
