package io.jkcov.agent;

import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The agent's own daemon thread ("jkcov-agent"): writes the PC table and the log, and
 * retransforms classes the transformer had to pass over.
 *
 * <p>Why a thread: a transformer runs inside a class load, holding that class's loading lock. If
 * it took a lock of its own (a file writer's, System.err's) while another thread holding that lock
 * waited for the class being loaded, both would wait forever. So the transformer only appends to
 * lock-free queues; all blocking I/O happens here. A shutdown hook drains what is left.
 */
final class Worker implements Runnable, Transformer.Sink {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How many passes a passed-over class may stay unfound before it is forgotten. */
    private static final int DEFERRED_TRIES = 5;

    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<List<PcEntry>> table = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();
    private final PrintStream err = System.err;
    private final Writer tableOut;
    /**
     * First PC of every class written. The transformer is retransformation-capable, so it sees
     * a class again whenever anyone retransforms it; the same bytes give the same PCs, and the
     * table needs them once.
     */
    private final Set<Long> written = new HashSet<>();
    private volatile Retransformer retransformer;
    private Thread thread;

    /** A class seen while the transformer was busy on the same thread; retried from here. */
    record Deferred(String internalName, ClassLoader loader, int tries) {}

    /** @param pcTable the table file, truncated now, or null */
    Worker(String pcTable) throws IOException {
        tableOut = pcTable == null ? null
                : new BufferedWriter(Files.newBufferedWriter(Path.of(pcTable), StandardCharsets.UTF_8));
    }

    void start(Retransformer retransformer) {
        this.retransformer = retransformer;
        thread = new Thread(this, "jkcov-agent");
        thread.setDaemon(true);
        thread.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::drain, "jkcov-agent-exit"));
    }

    // ---- called from the transformer: never block ---------------------------------------------

    @Override
    public void log(String line) {
        log.add(line);
    }

    @Override
    public void table(List<PcEntry> entries) {
        if (tableOut != null && !entries.isEmpty()) table.add(entries);
    }

    @Override
    public void defer(String internalName, ClassLoader loader) {
        deferred.add(new Deferred(internalName, loader, 0));
        Thread t = thread;
        if (t != null) LockSupport.unpark(t);
    }

    // ---- the thread ---------------------------------------------------------------------------

    @Override
    public void run() {
        while (true) {
            try {
                retryDeferred();
                drain();
            } catch (Throwable t) {
                err.println("jkcov: agent worker: " + t);
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    /** Writes out the queues; the worker and the shutdown hook may both call it. */
    synchronized void drain() {
        for (String line; (line = log.poll()) != null; ) err.println(line);
        if (tableOut == null) return;
        boolean wrote = false;
        try {
            for (List<PcEntry> e; (e = table.poll()) != null; ) {
                if (!written.add(e.get(0).pc())) continue;
                PcTable.write(tableOut, e);
                wrote = true;
            }
            if (wrote) tableOut.flush();
        } catch (IOException e) {
            err.println("jkcov: cannot write the PC table: " + e);
        }
    }

    /**
     * Classes loaded while the transformer was busy on the same thread were defined as they
     * were. Leaving them so would make coverage depend on which thread loaded a class first;
     * retransforming them from here makes it depend on the class alone.
     */
    private void retryDeferred() {
        Retransformer r = retransformer;
        if (r == null || deferred.isEmpty()) return;
        List<Deferred> batch = new ArrayList<>();
        for (Deferred d; (d = deferred.poll()) != null; ) batch.add(d);
        for (Deferred d : r.retransformDeferred(batch)) {
            if (d.tries() + 1 < DEFERRED_TRIES) deferred.add(new Deferred(d.internalName(), d.loader(), d.tries() + 1));
        }
    }
}
