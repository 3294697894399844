package io.jkcov.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loops of {@link TraceBench} timed in short samples that take turns in one JVM, for a
 * machine that other work shares. A JMH iteration averages over a second, so on a loaded machine
 * every score includes the time the thread waited for a CPU, and two benchmarks run minutes
 * apart see different loads. Here each loop is timed in samples of 64 invocations (65536 calls,
 * 0.2-1 ms), the loops alternate sample by sample, and the minimum and low percentiles show what
 * a call costs while the thread has a CPU. Prints ns per call.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.jkcov.bench.Alternating [samples]}
 */
public final class Alternating {

    static final int INVOCATIONS_PER_SAMPLE = 64;
    static final int WARMUP_SAMPLES = 300;

    private final TraceBench bench = new TraceBench();
    private final TraceBench.Args args = new TraceBench.Args();
    private long sink;

    interface Loop {
        long invoke();
    }

    public static void main(String[] argv) {
        int samples = argv.length > 0 ? Integer.parseInt(argv[0]) : 1000;
        Alternating a = new Alternating();
        a.args.fill();
        System.out.printf("%s, %d samples of %d calls per loop, load %s%n", System.getProperty("java.vm.version"),
                samples, INVOCATIONS_PER_SAMPLE * TraceBench.N, loadAverage());
        TraceBench.PcTracer pc = new TraceBench.PcTracer();
        pc.init();
        Map<String, Loop> pcLoops = new LinkedHashMap<>();
        pcLoops.put("emptyStaticCall", () -> a.bench.emptyStaticCall(a.args));
        pcLoops.put("pcTracing", () -> a.bench.pcTracing(a.args, pc));
        a.run(pc, pcLoops, samples);

        TraceBench.CmpTracer cmp = new TraceBench.CmpTracer();
        cmp.init();
        Map<String, Loop> cmpLoops = new LinkedHashMap<>();
        cmpLoops.put("emptyCmpCall", () -> a.bench.emptyCmpCall(a.args));
        cmpLoops.put("cmpTracing", () -> a.bench.cmpTracing(a.args, cmp));
        a.run(cmp, cmpLoops, samples);
        System.out.printf("load after: %s (checksum %d)%n", loadAverage(), a.sink & 0xff);
    }

    /** Enables tracing on this thread, alternates the loops, checks that nothing was dropped. */
    private void run(TraceBench.Tracer tracer, Map<String, Loop> loops, int samples) {
        Loop[] order = loops.values().toArray(new Loop[0]);
        double[][] ns = new double[order.length][samples];
        tracer.enable();
        try {
            for (int s = -WARMUP_SAMPLES; s < samples; s++) {
                for (int k = 0; k < order.length; k++) {
                    int i = (k + Math.floorMod(s, order.length)) % order.length; // rotate who goes first
                    double t = time(order[i]);
                    if (s >= 0) ns[i][s] = t;
                }
            }
        } finally {
            tracer.disableAndCheck();
            tracer.close();
        }
        int i = 0;
        for (String name : loops.keySet()) {
            double[] x = ns[i++];
            Arrays.sort(x);
            System.out.printf("  %-16s min %6.2f  p10 %6.2f  median %6.2f  p90 %6.2f%n", name,
                    x[0], x[samples / 10], x[samples / 2], x[samples * 9 / 10]);
        }
    }

    private double time(Loop loop) {
        long t0 = System.nanoTime();
        for (int k = 0; k < INVOCATIONS_PER_SAMPLE; k++) sink += loop.invoke();
        return (System.nanoTime() - t0) / (double) (INVOCATIONS_PER_SAMPLE * TraceBench.N);
    }

    static String loadAverage() {
        try {
            String[] f = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
