package jkcovit.remote;

import io.jkcov.Kcov;
import io.jkcov.KcovRemote;
import io.jkcov.Mode;
import java.nio.LongBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether a task's entries are in the owner's area once {@code get()} returns: the harness of a
 * fuzzer resets the area, hands one input to a pool, waits for the result and reads the area,
 * and entries that land after that belong to the next input. Prints, for submit() and
 * schedule(), and a fork/join task's join(), how many of the rounds found the area without the
 * task's one block; and for a fork/join task that throws, without its two.
 */
public final class Landed {
    static void work() {}

    /** Two blocks, this one and work's; then exec() throws. */
    static void fail() {
        work();
        throw new IllegalStateException("fails on purpose");
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1 << 16);
            kcov.remoteEnable(Mode.TRACE_PC, 1 << 10, new long[0], KcovRemote.handle(KcovRemote.SUBSYSTEM_COMMON, 7));
            LongBuffer area = kcov.area();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            ForkJoinPool forkJoin = new ForkJoinPool(2);
            int submitLate = 0;
            int scheduleLate = 0;
            int joinLate = 0;
            int throwLate = 0;
            for (int i = 0; i < rounds; i++) {
                area.put(0, 0);
                pool.submit(Landed::work).get();
                if (area.get(0) != 1) submitLate++;
                area.put(0, 0);
                timer.schedule(Landed::work, 0, TimeUnit.NANOSECONDS).get();
                if (area.get(0) != 1) scheduleLate++;
                area.put(0, 0);
                forkJoin.submit(ForkJoinTask.adapt(Landed::work)).join();
                if (area.get(0) != 1) joinLate++;
                area.put(0, 0);
                try {
                    forkJoin.submit(ForkJoinTask.adapt(Landed::fail)).join();
                    throw new AssertionError("join() returned");
                } catch (IllegalStateException expected) {
                    if (area.get(0) != 2) throwLate++;
                }
            }
            pool.shutdown();
            timer.shutdown();
            forkJoin.shutdown();
            System.out.println("submit late " + submitLate + " schedule late " + scheduleLate + " join late " + joinLate
                    + " throw late " + throwLate);
        }
    }
}
