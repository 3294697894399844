package jkcovit.lazy;

import io.jkcov.Kcov;
import io.jkcov.Mode;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Classes loading on other threads while the first enable switches lazy=true's probes on. Two
 * threads keep defining fresh copies of {@code jkcovit.targets.Branches}, each in a class loader
 * of its own, and run each once; the main thread enables in the middle. Afterwards every copy,
 * loaded before, during or after the switch, must trace its nine blocks.
 *
 * <p>Prints {@code copies <all> <loaded before the enable>}, then {@code untraced <n>} (copies
 * whose run recorded anything but nine PCs), then {@code end}.
 */
public final class LoadRace {
    static final int MAX_COPIES = 4000;

    public static void main(String[] args) throws Exception {
        URL classes = LoadRace.class.getProtectionDomain().getCodeSource().getLocation();
        List<Class<?>> copies = new ArrayList<>();
        int before;
        Thread[] loaders = new Thread[2];
        for (int t = 0; t < loaders.length; t++) {
            loaders[t] = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        // Parent null: java.* and the bootstrap runtime only, so Branches is this loader's.
                        Class<?> c = Class.forName("jkcovit.targets.Branches", true, new URLClassLoader(new URL[] {classes}, null));
                        c.getMethod("run").invoke(null);
                        synchronized (copies) {
                            copies.add(c);
                            if (copies.size() >= MAX_COPIES) return;
                        }
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }, "loader-" + t);
            loaders[t].start();
        }
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1 << 16);
            Thread.sleep(200);
            synchronized (copies) {
                before = copies.size();
            }
            kcov.enable(Mode.TRACE_PC);
            Thread.sleep(200);
            for (Thread l : loaders) l.interrupt();
            for (Thread l : loaders) l.join();
            int untraced = 0;
            for (Class<?> c : copies) {
                kcov.reset();
                c.getMethod("run").invoke(null);
                if (kcov.count() != 9) untraced++;
            }
            kcov.disable();
            System.out.println("copies " + copies.size() + " " + before);
            System.out.println("untraced " + untraced);
        }
        System.out.println("end");
    }
}
