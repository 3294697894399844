package jkcovit.targets;

import io.jkcov.Kcov;
import io.jkcov.Mode;

/**
 * A method that is running when tracing is first enabled: its loop enables on the second turn
 * and calls {@link Branches#classify} on each. With lazy=true, the loop's own frame keeps its
 * uninstrumented code (docs/agent.md, "Lazy instrumentation"); the call made after the enable
 * runs the new code. Prints the area as the harness does ({@code run 0 <n>}, {@code pc <hex>},
 * {@code end}).
 */
public final class LiveAtEnable {
    public static void main(String[] args) {
        long[] pcs;
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1 << 16);
            for (int i = 0; i < 2; i++) {             // @loop
                if (i == 1) kcov.enable(Mode.TRACE_PC);
                Branches.classify(i - 1);
            }
            int n = (int) kcov.count();
            pcs = new long[n];
            kcov.area().get(1, pcs);
            kcov.disable();
        }
        StringBuilder out = new StringBuilder("run 0 " + pcs.length + "\n");
        for (long pc : pcs) out.append("pc ").append(Long.toHexString(pc)).append('\n');
        System.out.println(out.append("end"));
    }
}
