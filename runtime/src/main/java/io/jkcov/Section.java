package io.jkcov;

import io.jkcov.internal.Tasks;
import io.jkcov.internal.Trace.Task;

/**
 * One remote section on one thread: kcov_remote_start to kcov_remote_stop. It records into a
 * private buffer in the owner's mode; at close the buffer's entries are appended to the owner's
 * area as one run, unless the owner was disabled or re-enabled meanwhile (the kernel's sequence
 * check). Used only by the thread that opened it.
 */
final class Section implements KcovRemote.Section {
    private final Kcov kcov;
    private final Kcov.SectionTicket ticket;
    private final long handle;
    private final Remotes.Context context;
    private final long outerHandle;
    private Task task;
    private boolean closed;

    private Section(Kcov kcov, Kcov.SectionTicket ticket, long handle, Remotes.Context context) {
        this.kcov = kcov;
        this.ticket = ticket;
        this.handle = handle;
        this.context = context;
        this.outerHandle = context.handle;
    }

    /**
     * Opens a section for {@code kcov}, or returns null if it is no longer in remote mode.
     * {@code task}: the section of a carried task, which the owner's disable waits for.
     */
    static Section open(Kcov kcov, long handle, Remotes.Context context, boolean task) {
        Kcov.SectionTicket ticket = kcov.sectionTicket(task);
        if (ticket == null) return null;
        Section s = new Section(kcov, ticket, handle, context);
        context.handle = handle;
        context.section = s;
        s.resume(); // recording starts last, so none of the bookkeeping above is recorded
        return s;
    }

    long handle() {
        return handle;
    }

    /** Stops recording for a while (a carried task of another owner runs on this thread). */
    void suspend() {
        if (task != null) Tasks.stop(task);
        task = null;
    }

    void resume() {
        if (!closed && task == null) task = Tasks.start(this, ticket.buffer, ticket.words, ticket.mode);
    }

    @Override
    public void close() {
        if (closed) return;
        suspend(); // recording stops first, so none of what follows is recorded
        closed = true;
        if (context.section == this) {
            context.section = null;
            context.handle = outerHandle;
        }
        kcov.closeSection(ticket);
    }

    @Override
    public String toString() {
        return String.format("section 0x%016x of %s", handle, kcov);
    }
}
