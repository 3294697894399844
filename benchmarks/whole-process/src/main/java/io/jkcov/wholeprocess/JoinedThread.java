package io.jkcov.wholeprocess;

import io.jkcov.Kcov;
import io.jkcov.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Not part of run.sh: the experiment behind docs/performance-whole-process.md's note on
 * {@code identityHashCode(Thread)}. A worker thread traces (TRACE_PC) six bzip2 compressions
 * of the same 64 KB and prints its CPU time per recorded PC; the main thread either
 * {@code join()}s it (which inflates the worker's monitor) or polls {@code isAlive()}.
 * Needs the jkcov agent with commons-compress included:
 * <pre>
 * java -javaagent:agent/target/jkcov-agent-0.1.0-SNAPSHOT.jar=includes=org.apache.commons.compress.* \
 *      -cp benchmarks/whole-process/target/jkcov-whole-process-0.1.0-SNAPSHOT.jar:benchmarks/whole-process/target/lib/* \
 *      io.jkcov.wholeprocess.JoinedThread join|poll
 * </pre>
 */
public final class JoinedThread {

    public static void main(String[] args) throws Exception {
        String how = args.length > 0 ? args[0] : "join";
        Thread worker = new Thread(() -> trace(how), "traced-worker");
        worker.start();
        if (how.equals("join")) {
            worker.join();
        } else {
            while (worker.isAlive()) Thread.sleep(20);
        }
    }

    static void trace(String label) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] data = new byte[64 << 10];
        Random r = new Random(1);
        for (int i = 0; i < data.length; i++) data[i] = (byte) ('a' + (int) (Math.abs(r.nextGaussian()) * 4));
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1 << 26);
            kcov.enable(Mode.TRACE_PC);
            for (int rep = 0; rep < 6; rep++) {
                kcov.reset();
                long cpu0 = threads.getCurrentThreadCpuTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (BZip2CompressorOutputStream z = new BZip2CompressorOutputStream(out)) {
                    z.write(data);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                System.out.printf("%s rep %d: %d PCs, %.1f ms CPU, %.2f ns per PC (bzip2 work included)%n",
                        label, rep, kcov.count(), cpu / 1e6, (double) cpu / kcov.count());
            }
            kcov.disable();
        }
    }
}
