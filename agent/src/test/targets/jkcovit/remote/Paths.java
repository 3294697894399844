package jkcovit.remote;

import io.jkcov.Kcov;
import io.jkcov.KcovRemote;
import io.jkcov.Mode;
import java.nio.LongBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every way the JDK hands work to another thread, with no jkcov code in the tasks: the owner's
 * common handle must carry each of them back. A thread with no handle floods the same pools
 * meanwhile; its blocks ({@link #noise}) must never appear. Prints the owner's PCs.
 */
public final class Paths {
    static void pool() {}
    static void poolExecute() {}
    static void scheduled() {}
    static void forkJoin() {}
    static void ownForkJoin() {}
    static void periodic() {}
    static void asyncStage() {}
    static void hoppedStage() {}
    static void thread() {}
    static void virtualThread() {}
    static void inline() {}
    static void noise() {}

    public static void main(String[] args) throws Exception {
        // Pools made, and their first threads created, by the owner itself: the pitfall.
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService[] pools = new ExecutorService[2];
        Thread flood = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < 300; i++) {
                pools[0].execute(Paths::noise);
                ForkJoinPool.commonPool().execute(Paths::noise);
                CompletableFuture.runAsync(Paths::noise, pools[1]);
            }
        });
        flood.start(); // before the owner has a handle
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1 << 16);
            kcov.remoteEnable(Mode.TRACE_PC, 1 << 12, new long[0], KcovRemote.handle(KcovRemote.SUBSYSTEM_COMMON, 42));
            pools[0] = Executors.newFixedThreadPool(2);
            pools[1] = Executors.newCachedThreadPool();
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
            go.countDown();
            pools[0].submit(Paths::pool).get();
            CountDownLatch executed = new CountDownLatch(1);
            pools[0].execute(() -> {
                poolExecute();
                executed.countDown();
            });
            executed.await();
            timer.schedule(Paths::scheduled, 1, TimeUnit.MILLISECONDS).get();
            ForkJoinPool.commonPool().submit(Paths::forkJoin).get();
            ForkJoinPool own = new ForkJoinPool(2);
            own.submit(Paths::ownForkJoin).get();
            own.shutdown();
            // A periodic task is captured once and runs in the owner's context every time.
            CountDownLatch thrice = new CountDownLatch(3);
            var every = timer.scheduleAtFixedRate(() -> {
                if (thrice.getCount() > 0) {
                    periodic();
                    thrice.countDown();
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            thrice.await();
            every.cancel(false);
            CompletableFuture.runAsync(Paths::asyncStage).thenRunAsync(Paths::hoppedStage, pools[1]).get();
            Thread t = new Thread(Paths::thread);
            t.start();
            t.join();
            if (Runtime.version().feature() >= 21) {
                Thread v = (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class)
                        .invoke(null, (Runnable) Paths::virtualThread);
                v.join();
            }
            // Run inline by the owner: no section, since the owner records nothing for itself.
            inline();
            flood.join();
            for (ExecutorService p : pools) {
                p.shutdown();
                p.awaitTermination(10, TimeUnit.SECONDS);
            }
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
            kcov.disable();
            LongBuffer area = kcov.area();
            StringBuilder out = new StringBuilder("pcs");
            for (int i = 1; i <= area.get(0); i++) out.append(' ').append(Long.toHexString(area.get(i)));
            System.out.println(out);
        }
    }
}
