package io.jkcov.wholeprocess;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many small tasks through the JDK's pools, where jkcov's propagation hooks sit: {@code
 * ThreadPoolExecutor.execute}, {@code submit} (FutureTask), a {@code ForkJoinPool} (recursive
 * fork/join, one task per leaf), and {@code CompletableFuture} chains that hop between the two
 * pools. Each task does a bit of real work in a library no one here wrote: it parses a small JSON
 * document with Jackson's streaming parser and sums its numbers.
 *
 * <p>{@code --trace remote}: the main thread owns a descriptor in remote mode with a common
 * handle, so every task carries it and runs in a section; the owner resets its area between
 * batches, as a fuzzer does between inputs.
 */
public final class PoolWorkload {

    private static final JsonFactory JSON = new JsonFactory();
    private static byte[][] documents;

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, "tasks", "trace", "area-words", "section-words", "threads");
        long tasks = args.getLong("tasks", 1_000_000);
        int threads = (int) args.getLong("threads", 2);

        Random random = new Random(0x5EED);
        documents = new byte[64][];
        for (int i = 0; i < documents.length; i++) documents[i] = document(random);

        ThreadPoolExecutor tpe = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        ForkJoinPool fjp = new ForkJoinPool(threads);
        Tracer tracer = Tracer.create(args.get("trace", "none"), args.getLong("area-words", 1 << 22),
                args.getLong("section-words", 1 << 14));
        long quarter = tasks / 4;
        int batch = 5_000;

        Phase phase = new Phase();
        phase.start();
        long sum = 0;
        // 1. ThreadPoolExecutor.execute: a latch per batch.
        for (long done = 0; done < quarter; done += batch) {
            tracer.beforeInput();
            AtomicLong acc = new AtomicLong();
            CountDownLatch latch = new CountDownLatch(batch);
            for (int i = 0; i < batch; i++) {
                int seed = (int) (done + i);
                tpe.execute(() -> {
                    acc.addAndGet(work(seed));
                    latch.countDown();
                });
            }
            latch.await();
            sum += acc.get();
            tracer.afterInput();
        }
        // 2. ExecutorService.submit: FutureTask.
        for (long done = 0; done < quarter; done += batch) {
            tracer.beforeInput();
            List<Future<Long>> futures = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                int seed = (int) (done + i);
                futures.add(tpe.submit(() -> work(seed)));
            }
            for (Future<Long> f : futures) sum += f.get();
            tracer.afterInput();
        }
        // 3. ForkJoinPool: split down to one leaf task per unit of work.
        for (long done = 0; done < quarter; done += batch) {
            tracer.beforeInput();
            sum += fjp.invoke(new Split((int) done, (int) done + batch));
            tracer.afterInput();
        }
        // 4. CompletableFuture chains hopping pools: async stage, then two more, each a task.
        long chains = quarter / 3;
        for (long done = 0; done < chains; done += batch / 5) {
            tracer.beforeInput();
            List<CompletableFuture<Long>> cfs = new ArrayList<>(batch / 5);
            for (int i = 0; i < batch / 5; i++) {
                int seed = (int) (done + i);
                cfs.add(CompletableFuture.supplyAsync(() -> work(seed), fjp)
                        .thenApplyAsync(v -> v + work(seed + 1), tpe)
                        .thenApplyAsync(v -> v + work(seed + 2), fjp));
            }
            for (CompletableFuture<Long> cf : cfs) sum += cf.join();
            tracer.afterInput();
        }
        String times = phase.stop();
        String tracing = tracer.finish();
        tpe.shutdown();
        fjp.shutdown();
        System.out.printf("RESULT %s tasks=%d checksum=%016x %s%n", times, 4 * quarter, sum, tracing);
    }

    /** One leaf per unit: every fork is a task the hooks see. */
    static final class Split extends RecursiveTask<Long> {
        private final int from;
        private final int to;

        Split(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from == 1) return work(from);
            int mid = (from + to) >>> 1;
            Split left = new Split(from, mid);
            left.fork();
            long right = new Split(mid, to).compute();
            return right + left.join();
        }
    }

    /** A bit of real work: a streaming parse of a ~200-byte document, summing its numbers. */
    static long work(int seed) {
        byte[] doc = documents[seed & (documents.length - 1)];
        long sum = seed;
        try (JsonParser p = JSON.createParser(doc)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.VALUE_NUMBER_INT) sum += p.getLongValue();
                else if (t == JsonToken.VALUE_STRING) sum += p.getTextLength();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    static byte[] document(Random r) {
        StringBuilder b = new StringBuilder("{\"id\":").append(r.nextInt(1_000_000)).append(",\"name\":\"");
        for (int i = 4 + r.nextInt(12); i > 0; i--) b.append((char) ('a' + r.nextInt(26)));
        b.append("\",\"values\":[");
        for (int i = 3 + r.nextInt(10); i > 0; i--) b.append(r.nextInt(100_000)).append(i > 1 ? "," : "");
        b.append("],\"nested\":{\"ok\":").append(r.nextBoolean()).append(",\"k\":").append(r.nextInt(1000)).append("}}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
