package io.jkcov.validation;

import static org.junit.platform.engine.discovery.ClassNameFilter.STANDARD_INCLUDE_PATTERN;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import io.jkcov.Kcov;
import io.jkcov.Mode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a library's own JUnit Platform suite on the main thread while that thread traces
 * (TRACE_PC), and writes what happened.
 *
 * <pre>
 * java -cp &lt;this&gt;:&lt;jkcov-runtime&gt;:&lt;suite jars&gt; io.jkcov.validation.SuiteRunner \
 *      --tests &lt;tests jar or directory&gt; --out &lt;directory&gt; [--words N]
 * </pre>
 *
 * <p>Tests are those of the classes under {@code --tests} whose names match JUnit's standard
 * pattern ({@code Test*}, {@code *Test}, {@code *Tests}), run sequentially on the calling thread
 * (parallel execution off). The area is harvested and reset at every start and end of a test or
 * container, so it only has to hold what one test does; a harvest that finds the area overflowed
 * is counted, not fatal.
 *
 * <p>Output in {@code --out}: {@code outcomes.tsv} (sorted; unique id, TEST or CONTAINER, and
 * PASSED, FAILED, ABORTED or SKIPPED), {@code failures.txt} (unique id and the first lines of
 * the failure, for people), {@code summary.properties} (counts, PCs, overflows, seconds) and
 * {@code millis.tsv} (the wall time of every test and container, slowest first).
 * Without the agent nothing is instrumented, and the PC counts are 0.
 */
public final class SuiteRunner {
    private SuiteRunner() {}

    public static void main(String[] args) throws Exception {
        Path tests = null;
        Path out = null;
        long words = 1L << 26;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tests" -> tests = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--words" -> words = Long.decode(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (tests == null || out == null) {
            throw new IllegalArgumentException("usage: SuiteRunner --tests <jar|dir> --out <dir> [--words N]");
        }
        Files.createDirectories(out);

        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(tests)))
                .filters(includeClassNamePatterns(STANDARD_INCLUDE_PATTERN))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request);

        long start = System.nanoTime();
        Recorder recorder;
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(words);
            recorder = new Recorder(kcov);
            Thread runner = Thread.currentThread();
            kcov.enable(Mode.TRACE_PC);
            launcher.execute(plan, recorder);
            if (Thread.currentThread() != runner) throw new AssertionError("the launcher changed threads");
            recorder.harvest();
            kcov.disable();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        recorder.write(out, seconds);
        System.out.printf("jkcov-validation: %s%n", recorder.summaryLine(seconds));
        System.out.flush();
        // Tests may leave non-daemon threads behind; the results are written.
        System.exit(0);
    }

    /** Listens on the tracing thread: outcomes, and the area's content between events. */
    static final class Recorder implements TestExecutionListener {
        private final Kcov kcov;
        private final LongBuffer area;
        private final long areaWords;
        private final Map<String, String> outcomes = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private final LongSet distinct = new LongSet();
        private long pcs;
        private long harvests;
        private long overflows;
        private long maxPerHarvest;
        private long events;
        private long eventsOnOtherThreads;
        private final Thread owner = Thread.currentThread();
        private final Map<String, Long> startedAt = new java.util.HashMap<>();
        private final Map<String, Long> millis = new java.util.HashMap<>();

        Recorder(Kcov kcov) {
            this.kcov = kcov;
            this.area = kcov.area();
            this.areaWords = kcov.size();
        }

        /** Reads the entries recorded since the last harvest, then starts a new trace. */
        void harvest() {
            long n = kcov.count();
            if (n == 0) return;
            harvests++;
            if (kcov.overflowed()) overflows++;
            pcs += n;
            maxPerHarvest = Math.max(maxPerHarvest, n);
            for (int i = 1; i <= n; i++) distinct.add(area.get(i));
            kcov.reset();
        }

        private void event() {
            events++;
            if (Thread.currentThread() != owner) {
                eventsOnOtherThreads++;
            } else {
                harvest();
            }
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            event();
            startedAt.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            event();
            outcomes.put(id.getUniqueId(), kind(id) + "\tSKIPPED");
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            event();
            String outcome = switch (result.getStatus()) {
                case SUCCESSFUL -> "PASSED";
                case FAILED -> "FAILED";
                case ABORTED -> "ABORTED";
            };
            outcomes.put(id.getUniqueId(), kind(id) + "\t" + outcome);
            Long t0 = startedAt.remove(id.getUniqueId());
            if (t0 != null) millis.put(id.getUniqueId(), (System.nanoTime() - t0) / 1_000_000);
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                String why = result.getThrowable().map(SuiteRunner::firstLines).orElse("(no throwable)");
                failures.add(id.getUniqueId() + "\n" + why);
            }
        }

        private static String kind(TestIdentifier id) {
            return id.isTest() ? "TEST" : "CONTAINER";
        }

        long count(String kind, String outcome) {
            return outcomes.values().stream().filter(v -> v.equals(kind + "\t" + outcome)).count();
        }

        String summaryLine(double seconds) {
            return String.format("tests=%d passed=%d failed=%d aborted=%d skipped=%d containersFailed=%d "
                            + "pcs=%d distinctPcs=%d overflowedHarvests=%d seconds=%.1f",
                    count("TEST", "PASSED") + count("TEST", "FAILED") + count("TEST", "ABORTED") + count("TEST", "SKIPPED"),
                    count("TEST", "PASSED"), count("TEST", "FAILED"), count("TEST", "ABORTED"),
                    count("TEST", "SKIPPED"), count("CONTAINER", "FAILED"), pcs, distinct.size(), overflows, seconds);
        }

        void write(Path out, double seconds) {
            StringBuilder o = new StringBuilder();
            outcomes.forEach((id, v) -> o.append(id).append('\t').append(v).append('\n'));
            StringBuilder s = new StringBuilder();
            s.append("tests=").append(count("TEST", "PASSED") + count("TEST", "FAILED")
                    + count("TEST", "ABORTED") + count("TEST", "SKIPPED")).append('\n');
            for (String k : List.of("TEST", "CONTAINER")) {
                for (String r : List.of("PASSED", "FAILED", "ABORTED", "SKIPPED")) {
                    s.append(k.toLowerCase()).append('.').append(r.toLowerCase()).append('=')
                            .append(count(k, r)).append('\n');
                }
            }
            s.append("pcs=").append(pcs).append('\n');
            s.append("distinctPcs=").append(distinct.size()).append('\n');
            s.append("harvests=").append(harvests).append('\n');
            s.append("overflowedHarvests=").append(overflows).append('\n');
            s.append("maxPcsPerHarvest=").append(maxPerHarvest).append('\n');
            s.append("areaWords=").append(areaWords).append('\n');
            s.append("events=").append(events).append('\n');
            s.append("eventsOnOtherThreads=").append(eventsOnOtherThreads).append('\n');
            s.append("seconds=").append(String.format("%.1f", seconds)).append('\n');
            s.append("java.version=").append(System.getProperty("java.version")).append('\n');
            try {
                Files.writeString(out.resolve("outcomes.tsv"), o, StandardCharsets.UTF_8);
                Files.writeString(out.resolve("failures.txt"), String.join("\n\n", failures) + "\n", StandardCharsets.UTF_8);
                Files.writeString(out.resolve("summary.properties"), s, StandardCharsets.UTF_8);
                StringBuilder t = new StringBuilder();
                millis.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .forEach(e -> t.append(e.getValue()).append('\t').append(e.getKey()).append('\n'));
                Files.writeString(out.resolve("millis.tsv"), t, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String firstLines(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
