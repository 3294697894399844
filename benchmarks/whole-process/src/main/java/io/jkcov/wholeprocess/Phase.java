package io.jkcov.wholeprocess;

import java.lang.management.ManagementFactory;

/**
 * Times a work phase: wall time (the figure reported), and the process's CPU time over the same
 * phase (all threads: JIT compilers and GC included), which a busy shared machine disturbs less
 * than wall time; and the calling thread's CPU time (the work itself, for a single-threaded
 * workload: no JIT compiler, GC or agent thread). Created before the phase, so the management classes load during setup.
 */
final class Phase {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long wall0;
    private long cpu0;
    private long thread0;

    Phase() {
        os.getProcessCpuTime();
        threads.getCurrentThreadCpuTime();
        System.nanoTime();
    }

    void start() {
        cpu0 = os.getProcessCpuTime();
        thread0 = threads.getCurrentThreadCpuTime();
        wall0 = System.nanoTime();
    }

    /**
     * {@code work_ms=... cpu_ms=... main_cpu_ms=... total_ms=...}: wall, process CPU and the
     * calling thread's CPU over the phase, and launch to end of phase.
     */
    String stop() {
        long wall = System.nanoTime() - wall0;
        long thread = threads.getCurrentThreadCpuTime() - thread0;
        long cpu = os.getProcessCpuTime() - cpu0;
        return String.format("work_ms=%.1f cpu_ms=%.1f main_cpu_ms=%.1f total_ms=%.1f",
                wall / 1e6, cpu / 1e6, thread / 1e6, Args.sinceLaunchMs());
    }
}
