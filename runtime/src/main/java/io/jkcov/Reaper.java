package io.jkcov;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Disables descriptors whose enabling thread has ended, as the kernel's kcov_task_exit does.
 * The JVM has no thread-exit hook, so a daemon thread looks every {@link #PERIOD_MS} ms while
 * any descriptor is enabled, and exits when none is. Descriptors also check their owner
 * whenever they are used, so a caller never sees a dead thread holding one.
 */
final class Reaper implements Runnable {
    static final long PERIOD_MS = 50;

    private static final Set<Kcov> ENABLED = new LinkedHashSet<>();
    private static Thread thread;

    private Reaper() {}

    static synchronized void watch(Kcov kcov) {
        ENABLED.add(kcov);
        if (thread == null) {
            thread = new Thread(null, new Reaper(), "jkcov-reaper", 64 * 1024, false);
            thread.setDaemon(true);
            thread.start();
        }
    }

    static synchronized void unwatch(Kcov kcov) {
        ENABLED.remove(kcov);
    }

    /** The descriptors to look at, or null once none is left and the thread may end. */
    private static synchronized List<Kcov> snapshot() {
        if (ENABLED.isEmpty()) {
            thread = null;
            return null;
        }
        return new ArrayList<>(ENABLED);
    }

    @Override
    public void run() {
        for (;;) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                // Only the JVM's shutdown would interrupt a daemon thread of ours; keep going.
            }
            List<Kcov> kcovs = snapshot();
            if (kcovs == null) return;
            // Kcov locks are taken with no Reaper lock held: Kcov -> Reaper is the lock order.
            for (Kcov k : kcovs) k.reapDeadOwner();
        }
    }
}
