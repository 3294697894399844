package jkcovit.harness;

import io.jkcov.Kcov;
import io.jkcov.Mode;
import io.jkcov.internal.StaticKey;
import java.lang.reflect.Method;
import java.nio.LongBuffer;

/**
 * Traces a target's {@code public static void run()} on this thread and prints the area.
 * Usage: {@code Run pc|cmp <class> [runs [warm]]}. The target class is loaded but not initialised
 * before tracing starts, so its static initialiser runs inside the first traced run; unless
 * {@code warm} is given: then {@code run()} is called that many times first, untraced, so that
 * the JIT compiles it while no thread in the JVM traces (the static key off).
 *
 * <p>Output, one item per line: {@code loader bootstrap|<loader>}, with {@code warm} also
 * {@code enabling} right before the enable and {@code key <off|on before enable> <off|on after
 * enable>} after it, then per run
 * {@code run <i> <count>} and the entries ({@code pc <hex>} or {@code cmp <type> <arg1> <arg2>
 * <ip>}, hex), then {@code end}. Entries are copied out of the area before anything is printed,
 * because printing may itself be instrumented (jdk=true).
 */
public final class Run {
    public static void main(String[] args) throws Throwable {
        boolean cmp = args[0].equals("cmp");
        Class<?> target = Class.forName(args[1], false, Run.class.getClassLoader());
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Method run = target.getMethod("run");
        ClassLoader kl = Kcov.class.getClassLoader();
        System.out.println("loader " + (kl == null ? "bootstrap" : kl.toString()));
        for (int i = 0; i < warm; i++) run.invoke(null);
        long[][] results = new long[runs][];
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1 << 16);
            LongBuffer area = kcov.area();
            String before = key();
            if (warm > 0) {
                System.out.println("enabling");
                System.out.flush();
            }
            kcov.enable(cmp ? Mode.TRACE_CMP : Mode.TRACE_PC);
            if (warm > 0) System.out.println("key " + before + " " + key());
            for (int r = 0; r < runs; r++) {
                kcov.reset();
                run.invoke(null);
                int n = (int) kcov.count();
                long[] copy = new long[1 + n * (cmp ? 4 : 1)];
                area.get(0, copy);
                copy[0] = n; // what ran after count() (nothing, ideally) is not this run's
                results[r] = copy;
            }
            kcov.disable();
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            long[] a = results[r];
            out.append("run ").append(r).append(' ').append(a[0]).append('\n');
            for (int i = 0; i < a[0]; i++) {
                if (cmp) {
                    out.append("cmp");
                    for (int k = 0; k < 4; k++) out.append(' ').append(Long.toHexString(a[1 + 4 * i + k]));
                    out.append('\n');
                } else {
                    out.append("pc ").append(Long.toHexString(a[1 + i])).append('\n');
                }
            }
        }
        out.append("end");
        System.out.println(out);
    }

    private static String key() {
        return StaticKey.isOn() ? "on" : "off";
    }
}
