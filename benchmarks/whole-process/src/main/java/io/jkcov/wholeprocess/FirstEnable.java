package io.jkcov.wholeprocess;

import io.jkcov.Kcov;
import io.jkcov.Mode;
import java.io.IOException;
import java.util.Random;

/**
 * What the first {@code enable} in a warmed JVM costs under the agent, where it switches the
 * probes' static key (docs/performance-whole-process.md, "The price of the switch"): idle rounds
 * of the CPU workload's bzip2 round trip over 256 KB of its text, then the enable and two traced
 * rounds, each timed. Needs the agent, with commons-compress included:
 *
 * <pre>
 * java -javaagent:agent/target/jkcov-agent-0.1.0-SNAPSHOT.jar=includes='org.apache.commons.compress.*' \
 *     -cp benchmarks/whole-process/target/jkcov-whole-process-0.1.0-SNAPSHOT.jar:benchmarks/whole-process/target/lib/'*' \
 *     io.jkcov.wholeprocess.FirstEnable [--idle-rounds 20] [--area-words 4096]
 * </pre>
 * With a small area the traced rounds overflow (the probes run, the stores are dropped), which
 * keeps the enable's own page touching out of its time.
 */
public final class FirstEnable {

    private FirstEnable() {}

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv, "idle-rounds", "area-words");
        int idle = (int) args.getLong("idle-rounds", 20);
        byte[] data = CpuWorkload.text(new Random(1), 256 * 1024);
        long t0 = System.nanoTime();
        for (int i = 0; i < idle; i++) CpuWorkload.bzip2RoundTrip(data);
        long t1 = System.nanoTime();
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(args.getLong("area-words", 4096));
            long e0 = System.nanoTime();
            kcov.enable(Mode.TRACE_PC);
            long e1 = System.nanoTime();
            CpuWorkload.bzip2RoundTrip(data);
            long w1 = System.nanoTime();
            kcov.reset();
            long w2 = System.nanoTime();
            CpuWorkload.bzip2RoundTrip(data);
            long w3 = System.nanoTime();
            System.out.printf("RESULT idle_round_ms=%.1f enable_ms=%.2f first_traced_round_ms=%.1f second_traced_round_ms=%.1f%n",
                    (t1 - t0) / 1e6 / Math.max(1, idle), (e1 - e0) / 1e6, (w1 - e1) / 1e6, (w3 - w2) / 1e6);
        }
    }
}
