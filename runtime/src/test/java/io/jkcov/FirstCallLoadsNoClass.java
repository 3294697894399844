package io.jkcov;

import io.jkcov.internal.Trace;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * Run in a fresh JVM by {@link NoClassLoadingTest}: calls every entry point for the first time
 * in this JVM while tracing, and prints how many classes were loaded meanwhile (rule 3).
 */
public final class FirstCallLoadsNoClass {
    public static void main(String[] args) throws InterruptedException {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1 << 12);
            // Warm the slow path (enable, disable, the reaper) without touching an entry point.
            kcov.enable(Mode.TRACE_CMP);
            kcov.disable();
            kcov.enable(Mode.TRACE_PC);
            kcov.disable();
            // The counter is JVM-wide: let the reaper thread finish its first sleep (JDK 25's
            // Thread.sleep loads TimeUnit and ThreadSleepEvent) before counting.
            Thread.sleep(3 * Reaper.PERIOD_MS);
            classes.getTotalLoadedClassCount();

            long before = classes.getTotalLoadedClassCount();
            kcov.enable(Mode.TRACE_CMP);
            Trace.cmp4(1, 2, 3);
            Trace.constCmp4(1, 2, 3);
            int sum = Trace.lcmp(1, 2, 3) + Trace.lcmpConstLeft(1, 2, 3) + Trace.lcmpConstRight(1, 2, 3);
            Trace.switchCase(1, 2, 3);
            Trace.tableSwitch(1, 0, 2, 3);
            Trace.enterClinit();
            Trace.cmp4(9, 9, 9); // paused: not recorded
            Trace.exitClinit();
            long cmps = kcov.count();
            kcov.disable();
            kcov.enable(Mode.TRACE_PC);
            kcov.reset();
            Trace.pc(1);
            Trace.pc(2);
            long pcs = kcov.count();
            kcov.disable();
            long after = classes.getTotalLoadedClassCount();
            System.out.println("cmp " + cmps + " pc " + pcs + " sum " + sum + " loaded " + (after - before));
        }
    }
}
