package io.jkcov.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The two-thread target (each of two threads recording at once keeps at least 90% of the rate of
 * one thread recording alone) measured inside one JVM, so that both sides of every ratio run the
 * same compiled code, with the same areas, in the same second of the host; and beside it, in the
 * same rounds, the same measurement of a loop with no jkcov code, which shows what the machine
 * gave two threads at those moments.
 *
 * <p>Why not only JMH: {@code TraceBench.pcTracing} and {@code pcTracing2Threads} run in
 * different JVMs minutes apart. On a 2-vCPU guest one thread's rate moves by 10-35% between
 * forks and between the 1-second iterations of one fork (the host, and each JVM's own compiled
 * code; docs/performance.md), more than the 10% the target allows, so a ratio of two forks says
 * more about the forks than about the runtime. Here each ratio is taken between phases a few
 * milliseconds apart, and the same loop serves both.
 *
 * <p>Two worker threads, A and B, each with its own descriptor, area and arguments, run in rounds
 * of six phases, in an order that rotates every round: A alone, B alone, and A and B together,
 * each once with {@link TraceBench}'s recording loop ({@code pcTracing} or {@code cmpTracing})
 * and once with the control, {@link HotPathAnatomy#writeLongArray} (the PC append into a
 * {@code long[]} of each thread's own, no descriptor enabled). A thread that does not run in a
 * phase is parked with its descriptor disabled, so in a recording phase alone exactly one thread
 * in the JVM traces, as in {@code pcTracing}. In a phase together, each thread starts its clock
 * only once both are running, and the one that finishes first goes on, untimed, until the other
 * has finished, so that no timed call of either runs alone. The timed region reads no field the
 * other thread writes. The coordinating main thread parks while a phase runs: on two vCPUs a
 * spinning coordinator would take a CPU from a worker. Every recording phase ends with
 * {@code TraceBench.Tracer}'s check that the area holds real entries and none were dropped.
 *
 * <p>Prints, per thread and loop, ns per call alone and together (medians over the rounds) and
 * the share of its rate alone that the thread keeps together: the median of the rounds' own
 * ratios (each pairs phases milliseconds apart), and the ratio of the mean times (throughput over
 * the whole run). Then the rounds in which the machine itself missed the target (the control's
 * slower thread kept less than 90%), and the last line, the verdict: the median over the rounds
 * of the share kept by that round's slower thread, for the recording loop and for the control,
 * each with the slower thread's share by means. The means keep what the medians leave out: the
 * moments when the host gave this guest less than two CPUs, which cost the control as much.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.jkcov.bench.TwoThreads pc|cmp
 * [rounds [invocations]]}: {@code invocations} of {@value TraceBench#N} calls per thread per phase
 * (default {@value #DEFAULT_INVOCATIONS}: about 0.6 ms of PCs, 2 ms of CMP records), after
 * {@value #WARMUP_ROUNDS} untimed rounds (as many calls in fewer rounds when phases are longer).
 * {@code benchmarks/run-two-threads.sh} runs it in several JVMs per mode and JDK.
 */
public final class TwoThreads {

    /** Untimed rounds of the default length, before the measured ones; fewer of longer phases. */
    static final int WARMUP_ROUNDS = 300;
    static final int DEFAULT_INVOCATIONS = 1024;

    /** The loops, by the index of their results. */
    private static final int TRACED = 0, CONTROL = 1;
    /** The phases of one loop. */
    private static final int A_ALONE = 0, B_ALONE = 1, TOGETHER = 2;
    /** A thread's results, by index: its phase alone, and the phase together. */
    private static final int ALONE = 0, WITH_OTHER = 1;

    private final Thread main = Thread.currentThread();
    private final String mode;
    private final int invocations;
    private final Worker a = new Worker("A");
    private final Worker b = new Worker("B");

    /** Workers in the current phase, and its loop: set before they are released, read by them. */
    private volatile int expected;
    private volatile int loop;
    /** Of those, how many are running (and so may start their clocks). */
    private final AtomicInteger running = new AtomicInteger();
    /** How many have finished their timed invocations (the others' signal to stop). */
    private final AtomicInteger timed = new AtomicInteger();
    /** How many have finished the phase; the last unparks the coordinator. */
    private final AtomicInteger finished = new AtomicInteger();
    private int sequence;

    private TwoThreads(String mode, int invocations) {
        if (!mode.equals("pc") && !mode.equals("cmp")) {
            throw new IllegalArgumentException("mode: expected pc or cmp, got '" + mode + "'");
        }
        this.mode = mode;
        this.invocations = invocations;
    }

    /** One invocation of a benchmark loop ({@value TraceBench#N} calls); returns its sum. */
    interface Loop {
        long invoke();
    }

    /** A thread that runs a loop once per phase it is given, timing the first part. */
    private final class Worker implements Runnable {
        final Thread thread;
        /** The phase to run next, by sequence number; 0 tells the worker to end. */
        private volatile int job = -1;
        /** ns per call in the last phase, published by {@link #finished}. */
        double lastNs;
        volatile Throwable failure;
        long sink;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true); // a failed run ends with main, whatever the other worker does
        }

        void release(int phase) {
            job = phase;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            try {
                // the state is made on the worker's own thread, as JMH makes thread-scoped state
                TraceBench.Args args = new TraceBench.Args();
                args.fill();
                TraceBench bench = new TraceBench();
                TraceBench.Tracer tracer;
                Loop traced;
                if (mode.equals("pc")) {
                    TraceBench.PcTracer t = new TraceBench.PcTracer();
                    t.init();
                    tracer = t;
                    traced = () -> bench.pcTracing(args, t);
                } else {
                    TraceBench.CmpTracer t = new TraceBench.CmpTracer();
                    t.init();
                    tracer = t;
                    traced = () -> bench.cmpTracing(args, t);
                }
                HotPathAnatomy anatomy = new HotPathAnatomy();
                HotPathAnatomy.Heap heap = new HotPathAnatomy.Heap();
                Loop control = () -> anatomy.writeLongArray(args, heap);
                int last = -1;
                while (true) {
                    int j;
                    while ((j = job) == last) LockSupport.park(this);
                    if (j == 0) break;
                    last = j;
                    if (loop == TRACED) {
                        tracer.enable();
                        runPhase(traced);
                        tracer.disableAndCheck();
                    } else {
                        runPhase(control);
                    }
                    if (finished.incrementAndGet() == expected) LockSupport.unpark(main);
                }
                tracer.close();
            } catch (Throwable t) {
                failure = t;
                LockSupport.unpark(main);
            }
        }

        private void runPhase(Loop l) {
            int n = expected;
            running.incrementAndGet();
            while (running.get() < n) Thread.onSpinWait();
            long acc = 0;
            long t0 = System.nanoTime();
            for (int k = 0; k < invocations; k++) acc += l.invoke();
            long ns = System.nanoTime() - t0;
            timed.incrementAndGet();
            while (timed.get() < n) acc += l.invoke(); // keep the other company until it is done
            sink += acc;
            lastNs = ns / ((double) invocations * TraceBench.N);
        }
    }

    /** Runs one phase of {@code l} with the given workers and waits, parked, until all have finished it. */
    private void phase(int l, Worker... workers) {
        loop = l;
        expected = workers.length;
        running.set(0);
        timed.set(0);
        finished.set(0);
        sequence++;
        for (Worker w : workers) w.release(sequence);
        while (finished.get() < workers.length) {
            for (Worker w : new Worker[] {a, b}) {
                if (w.failure != null) throw new IllegalStateException(w.thread.getName() + " failed", w.failure);
            }
            LockSupport.park(this);
        }
    }

    /** ns[loop][thread][ALONE or WITH_OTHER][round], ns per call; thread 0 is A, 1 is B. */
    private double[][][][] run(int rounds) throws InterruptedException {
        a.thread.start();
        b.thread.start();
        double[][][][] ns = new double[2][2][2][rounds];
        int warmup = Math.max(3, WARMUP_ROUNDS * DEFAULT_INVOCATIONS / invocations);
        for (int r = -warmup; r < rounds; r++) {
            for (int k = 0; k < 6; k++) {
                int at = (k + Math.floorMod(r, 6)) % 6; // rotate which phase goes first
                int l = at / 3;
                int p = at % 3;
                if (p == A_ALONE) phase(l, a);
                else if (p == B_ALONE) phase(l, b);
                else phase(l, a, b);
                if (r < 0) continue;
                if (p != B_ALONE) ns[l][0][p == TOGETHER ? WITH_OTHER : ALONE][r] = a.lastNs;
                if (p != A_ALONE) ns[l][1][p == TOGETHER ? WITH_OTHER : ALONE][r] = b.lastNs;
            }
        }
        a.release(0);
        b.release(0);
        a.thread.join();
        b.thread.join();
        return ns;
    }

    public static void main(String[] argv) throws InterruptedException {
        if (argv.length < 1) {
            System.err.println("usage: TwoThreads pc|cmp [rounds [invocations]]");
            System.exit(2);
        }
        int rounds = argv.length > 1 ? Integer.parseInt(argv[1]) : 600;
        int invocations = argv.length > 2 ? Integer.parseInt(argv[2]) : DEFAULT_INVOCATIONS;
        TwoThreads h = new TwoThreads(argv[0], invocations);
        System.out.printf(Locale.ROOT, "%s, %s, %d rounds, %d calls per thread per phase, load %s%n",
                System.getProperty("java.vm.version"), h.mode, rounds, (long) invocations * TraceBench.N,
                Alternating.loadAverage());
        double[][][][] ns = h.run(rounds);
        String dump = System.getProperty("twothreads.dump");
        if (dump != null) dump(Path.of(dump), ns, rounds);
        h.report(ns, rounds);
    }

    /** Prints the figures of the class comment; the last line is the verdict. */
    private void report(double[][][][] ns, int rounds) {
        for (int t = 0; t < 2; t++) {
            StringBuilder line = new StringBuilder("  thread " + (t == 0 ? "A" : "B"));
            for (int l = TRACED; l <= CONTROL; l++) {
                double[][] x = ns[l][t];
                line.append(String.format(Locale.ROOT, "%s %s alone %.3f, together %.3f ns: keeps %.3f (by means %.3f)",
                        l == TRACED ? ":" : ";", l == TRACED ? mode : "control", median(x[ALONE]),
                        median(x[WITH_OTHER]), median(kept(x, rounds)), byMeans(x)));
            }
            System.out.println(line);
        }
        double[] traced = slowerKept(ns[TRACED], rounds);
        double[] control = slowerKept(ns[CONTROL], rounds);
        // The rounds in which the machine itself did not give two threads 90% each: the control,
        // which runs no jkcov code, lost more than 10% on its slower thread in the same round.
        double[] rest = new double[rounds];
        int others = 0;
        for (int r = 0; r < rounds; r++) {
            if (control[r] >= 0.90) rest[others++] = traced[r];
        }
        System.out.printf(Locale.ROOT,
                "  rounds in which the control kept < 0.90: %d of %d; over the others %s keeps %.3f%n",
                rounds - others, rounds, mode, others == 0 ? Double.NaN : median(Arrays.copyOf(rest, others)));
        double verdict = median(traced);
        System.out.printf(Locale.ROOT,
                "%s: the slower thread of each round keeps %.3f of its rate alone, median (target 0.90): %s;"
                        + " by means %.3f; the control keeps %.3f, by means %.3f (load %s, checksum %d)%n",
                mode, verdict, verdict >= 0.90 ? "met" : "NOT met",
                Math.min(byMeans(ns[TRACED][0]), byMeans(ns[TRACED][1])), median(control),
                Math.min(byMeans(ns[CONTROL][0]), byMeans(ns[CONTROL][1])), Alternating.loadAverage(),
                (a.sink ^ b.sink) & 0xff);
    }

    /** Per round, the share of its rate alone that a thread keeps together: time alone / together. */
    private static double[] kept(double[][] thread, int rounds) {
        double[] k = new double[rounds];
        for (int r = 0; r < rounds; r++) k[r] = thread[ALONE][r] / thread[WITH_OTHER][r];
        return k;
    }

    /** Per round, the lower of the two threads' shares. */
    private static double[] slowerKept(double[][][] loop, int rounds) {
        double[] ka = kept(loop[0], rounds);
        double[] kb = kept(loop[1], rounds);
        for (int r = 0; r < rounds; r++) ka[r] = Math.min(ka[r], kb[r]);
        return ka;
    }

    /** The share a thread keeps over the whole run: mean time alone / mean time together. */
    private static double byMeans(double[][] thread) {
        return mean(thread[ALONE]) / mean(thread[WITH_OTHER]);
    }

    /** Every round's times, for a closer look: {@code -Dtwothreads.dump=FILE} (CSV). */
    private static void dump(Path file, double[][][][] ns, int rounds) {
        StringBuilder csv = new StringBuilder("round,loop,a_alone,b_alone,a_together,b_together\n");
        for (int l = TRACED; l <= CONTROL; l++) {
            for (int r = 0; r < rounds; r++) {
                csv.append(String.format(Locale.ROOT, "%d,%s,%.4f,%.4f,%.4f,%.4f%n", r,
                        l == TRACED ? "traced" : "control", ns[l][0][ALONE][r], ns[l][1][ALONE][r],
                        ns[l][0][WITH_OTHER][r], ns[l][1][WITH_OTHER][r]));
            }
        }
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            System.err.println("twothreads.dump: " + e);
        }
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) sum += v;
        return sum / x.length;
    }
}
