package jkcovit.remote;

import io.jkcov.Kcov;
import io.jkcov.KcovRemote;
import io.jkcov.Mode;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * OWNERS owners, each on its own thread with its own common handle, each driving TASKS tasks
 * through the same pools at once. Every task runs marker code of its owner. Prints, per owner,
 * the count and a histogram of the PCs its area holds.
 */
public final class Stress {
    static final int OWNERS = 8;
    static final int TASKS = 10_000;

    static void work(int owner) {
        switch (owner) {
            case 0 -> o0();
            case 1 -> o1();
            case 2 -> o2();
            case 3 -> o3();
            case 4 -> o4();
            case 5 -> o5();
            case 6 -> o6();
            default -> o7();
        }
    }

    static void o0() {}
    static void o1() {}
    static void o2() {}
    static void o3() {}
    static void o4() {}
    static void o5() {}
    static void o6() {}
    static void o7() {}

    public static void main(String[] args) throws Exception {
        ExecutorService shared = Executors.newFixedThreadPool(3);
        String[] results = new String[OWNERS];
        Thread[] owners = new Thread[OWNERS];
        for (int i = 0; i < OWNERS; i++) {
            int id = i;
            owners[i] = new Thread(() -> results[id] = drive(id, shared), "owner-" + i);
        }
        for (Thread t : owners) t.start();
        for (Thread t : owners) t.join();
        shared.shutdown();
        shared.awaitTermination(10, TimeUnit.SECONDS);
        for (String r : results) System.out.println(r);
    }

    /** Each task records a handful of PCs (its lambda, work's blocks, o<id>); room for 8. */
    static String drive(int id, ExecutorService shared) {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(8L * TASKS + 1);
            kcov.remoteEnable(Mode.TRACE_PC, 16, new long[0], KcovRemote.handle(KcovRemote.SUBSYSTEM_COMMON, 100 + id));
            List<Future<?>> pending = new ArrayList<>();
            for (int t = 0; t < TASKS; t++) {
                switch (t % 3) {
                    case 0 -> pending.add(shared.submit(() -> work(id)));
                    case 1 -> pending.add(ForkJoinPool.commonPool().submit(() -> work(id)));
                    default -> pending.add(CompletableFuture.runAsync(() -> work(id), shared));
                }
            }
            for (Future<?> f : pending) f.get();
            kcov.disable();
            LongBuffer area = kcov.area();
            Map<String, Integer> histogram = new TreeMap<>();
            for (int w = 1; w <= area.get(0); w++) histogram.merge(Long.toHexString(area.get(w)), 1, Integer::sum);
            return "owner " + id + " count " + area.get(0) + " overflowed " + kcov.overflowed() + " " + histogram;
        } catch (Exception e) {
            return "owner " + id + " failed " + e;
        }
    }
}
