package runtarget;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The program {@code RunIT} runs under {@code jkcov run}: work on the main thread, then on a
 * thread it starts, then on a pool, each on code of its own, so the trace shows whose is whose.
 * {@code args[0]}: an input; {@code args[1]}, if given: the exit status, by System.exit.
 */
public final class Job {
    private Job() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        System.out.println("main: " + OnMain.classify(n));
        Thread t = new Thread(() -> OnThread.count(n));
        t.start();
        t.join();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        System.out.println("pool: " + pool.submit(() -> InPool.twice(n)).get());
        pool.shutdown();
        System.out.println("async: " + CompletableFuture.supplyAsync(() -> InPool.twice(-n)).join());
        if (args.length > 1) System.exit(Integer.parseInt(args[1]));
    }
}
