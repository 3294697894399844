package io.jkcov.tools.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work done on every core, its results handed back on the calling thread in the order it was
 * submitted, with a bounded number in flight. Instrumenting a class is independent of every
 * other class, but an output jar is written entry by entry and the PC table in input order, so
 * that two runs give the same bytes.
 */
final class InOrder<T> implements AutoCloseable {

    /** Takes a result, in submission order, on the submitting thread. */
    interface Sink<T> {
        void accept(T result) throws IOException;
    }

    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Pending<T>> inFlight = new ArrayDeque<>();

    private record Pending<T>(Future<T> result, Sink<T> sink) {}

    InOrder() {
        int threads = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jkcov-instrument");
            t.setDaemon(true);
            return t;
        });
        // Enough to keep every thread busy while the caller reads and writes, few enough that a
        // large jar is never held in memory whole.
        window = 8 * threads;
    }

    void submit(Callable<T> work, Sink<T> sink) throws IOException {
        if (inFlight.size() >= window) takeOldest();
        inFlight.add(new Pending<>(pool.submit(work), sink));
    }

    /** Hands every result still in flight to its sink. */
    void finish() throws IOException {
        while (!inFlight.isEmpty()) takeOldest();
    }

    private void takeOldest() throws IOException {
        Pending<T> p = inFlight.remove();
        T result;
        try {
            result = p.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            // The instrumenter reports failures in its Result; anything thrown is a bug or an I/O error.
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
        p.sink().accept(result);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
