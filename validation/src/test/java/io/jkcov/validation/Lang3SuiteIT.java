package io.jkcov.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * commons-lang3 3.18.0's own test suite, run twice in fresh JVMs with the same class path and
 * options: plainly, and under the agent with {@code org.apache.commons.lang3.*} instrumented
 * (its tests included) and TRACE_PC enabled on the thread that runs them. The agent must not
 * change which tests pass, fail, abort or are skipped.
 *
 * <p>Some commons-lang3 tests leak state (default locale, time zone, system properties) into
 * later ones when the suite shares one JVM, so the reference is the same single-JVM layout, not
 * Maven's result. The working directory holds {@code src/test/resources} from the tests jar,
 * because a test reads {@code src/test/resources/lang-708-input.txt} as a file.
 */
class Lang3SuiteIT {
    /**
     * Per JVM. A run takes 6 to 8 minutes on JDK 17 on the 2-core CI machine; on JDK 25 far
     * longer (FastDateParser_TimeZoneStrategyTest), which is why 25 is not in CI (README.md).
     */
    private static final long TIMEOUT_MINUTES = Long.getLong("jkcov.validation.timeout.minutes", 30);
    /** 3.18.0 runs about 56,800 tests on JDK 17; far fewer means discovery went wrong. */
    private static final long MIN_TESTS = 50_000;
    private static final String INCLUDES = "org.apache.commons.lang3.*";
    /**
     * Tests of 3.18.0 whose outcome is decided by the wall clock, not by the code under test, with
     * the reason. A difference in one of them is printed, not failed; any other difference fails.
     */
    private static final Map<String, String> CLOCK_DEPENDENT = Map.of(
            "[engine:junit-jupiter]/[class:org.apache.commons.lang3.time.StopWatchTest]/[method:testSuspend()]",
            "asserts currentTimeMillis() taken right after suspend() <= the stop instant that suspend() took"
                    + " (Instant.now()), which fails whenever a millisecond ends between the two calls"
                    + " (StopWatchTest.java:429; the test was changed upstream, apache/commons-lang#1677)");
    /** As commons-lang3's pom runs its tests on Java 9+ (surefire argLine). */
    private static final List<String> SUITE_JVM_ARGS = List.of("-Xmx512m",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.base/java.time=ALL-UNNAMED",
            "--add-opens", "java.base/java.time.chrono=ALL-UNNAMED");

    /** The running JDK, or those of {@code jkcov.validation.jdks} when set (run-jdks.sh). */
    static Stream<Path> jdks() {
        return Jdks.of(System.getProperty("jkcov.validation.jdks", ""));
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void same_outcomes_with_and_without_the_agent(Path jdk) throws Exception {
        Path suite = existing("jkcov.validation.suite");
        Path testsJar;
        try (Stream<Path> s = Files.list(suite)) {
            testsJar = s.filter(p -> p.getFileName().toString().matches("commons-lang3-.*-tests\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no tests jar in " + suite));
        }
        List<String> cp = new ArrayList<>();
        cp.add(existing("jkcov.validation.classes").toString());
        cp.add(existing("jkcov.runtime.jar").toString());
        try (Stream<Path> s = Files.list(suite)) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> cp.add(p.toString()));
        }
        Path agent = existing("jkcov.agent.jar");
        Path work = Files.createDirectories(Path.of(System.getProperty("jkcov.validation.work", "target/validation-work"))
                .resolve("jdk" + Jdks.feature(jdk)));

        Run plain = new Run(jdk, work.resolve("plain"), testsJar, cp, List.of());
        Run traced = new Run(jdk, work.resolve("agent"), testsJar, cp,
                List.of("-javaagent:" + agent + "=includes=" + INCLUDES));
        // One JVM each, side by side: the suite is single-threaded, so on two cores this halves
        // the wall time; both runs see the same load.
        plain.start();
        traced.start();
        plain.await();
        traced.await();

        Map<String, String> a = plain.outcomes();
        Map<String, String> b = traced.outcomes();
        Properties sa = plain.summary();
        Properties sb = traced.summary();
        System.out.println("JDK " + jdk + "\n  plain: " + plain.summaryLine() + "\n  agent: " + traced.summaryLine());

        assertTrue(Long.parseLong(sa.getProperty("tests")) >= MIN_TESTS, "the suite did not really run: " + plain.summaryLine());
        assertEquals("0", sa.getProperty("pcs"), "PCs without the agent");
        assertEquals("0", sa.getProperty("eventsOnOtherThreads"), "tests ran off the tracing thread");
        assertEquals("0", sb.getProperty("eventsOnOtherThreads"), "tests ran off the tracing thread");

        for (var e : CLOCK_DEPENDENT.entrySet()) {
            String id = e.getKey();
            if (a.containsKey(id) && b.containsKey(id) && !a.get(id).equals(b.get(id))) {
                System.out.println("  not compared: " + id + " (plain " + a.get(id) + ", agent " + b.get(id) + "): "
                        + e.getValue());
                b.put(id, a.get(id));
            }
        }
        if (!a.equals(b)) fail(difference(a, b, plain, traced));

        List<String> cannot = traced.stderrLines().stream().filter(l -> l.startsWith("jkcov:")).toList();
        assertEquals(List.of(), cannot, "the agent reported problems");
        long pcs = Long.parseLong(sb.getProperty("pcs"));
        long distinct = Long.parseLong(sb.getProperty("distinctPcs"));
        assertTrue(pcs >= 100_000_000L, "too few PCs under the agent: " + traced.summaryLine());
        assertTrue(distinct >= 10_000L, "too few distinct PCs under the agent: " + traced.summaryLine());
    }

    private static String difference(Map<String, String> plain, Map<String, String> traced, Run p, Run t) {
        StringBuilder s = new StringBuilder("outcomes differ with the agent (" + t.dir + " vs " + p.dir + "):\n");
        TreeSet<String> ids = new TreeSet<>(plain.keySet());
        ids.addAll(traced.keySet());
        int shown = 0;
        for (String id : ids) {
            String x = plain.get(id);
            String y = traced.get(id);
            if (x != null && x.equals(y)) continue;
            if (shown++ < 50) s.append("  ").append(id).append("\n    plain: ").append(x).append("\n    agent: ").append(y).append('\n');
        }
        s.append(shown).append(" differences; failures: ").append(t.dir.resolve("out/failures.txt"));
        return s.toString();
    }

    private static Path existing(String property) {
        String v = System.getProperty(property);
        if (v == null) throw new IllegalStateException(property + " is not set: run with `mvn verify`");
        Path p = Path.of(v);
        if (!Files.exists(p)) throw new IllegalStateException(property + ": " + p + " does not exist");
        return p;
    }

    /** One JVM running {@link SuiteRunner} in its own working directory. */
    private static final class Run {
        final Path dir;
        final List<String> cmd = new ArrayList<>();
        Process process;

        Run(Path jdk, Path dir, Path testsJar, List<String> cp, List<String> extraJvmArgs) throws IOException {
            this.dir = dir;
            deleteTree(dir);
            Files.createDirectories(dir);
            extractResources(testsJar, dir.resolve("src/test/resources"));
            cmd.add(jdk.resolve("bin/java").toString());
            cmd.addAll(extraJvmArgs);
            cmd.addAll(SUITE_JVM_ARGS);
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, cp));
            cmd.add(SuiteRunner.class.getName());
            cmd.addAll(List.of("--tests", testsJar.toString(), "--out", dir.resolve("out").toString()));
        }

        void start() throws IOException {
            Files.writeString(dir.resolve("command"), String.join(" ", cmd) + "\n");
            process = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile())
                    .start();
        }

        void await() throws Exception {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT_MINUTES + " min: " + String.join(" ", cmd)
                        + "\nstderr tail:\n" + tail(dir.resolve("stderr")));
            }
            if (process.exitValue() != 0 || !Files.exists(dir.resolve("out/summary.properties"))) {
                throw new AssertionError("exit " + process.exitValue() + ": " + String.join(" ", cmd)
                        + "\nstdout tail:\n" + tail(dir.resolve("stdout")) + "\nstderr tail:\n" + tail(dir.resolve("stderr")));
            }
        }

        Map<String, String> outcomes() throws IOException {
            Map<String, String> m = new TreeMap<>();
            for (String l : Files.readAllLines(dir.resolve("out/outcomes.tsv"), StandardCharsets.UTF_8)) {
                int tab = l.indexOf('\t');
                m.put(l.substring(0, tab), l.substring(tab + 1));
            }
            return m;
        }

        Properties summary() throws IOException {
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(dir.resolve("out/summary.properties"), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }

        String summaryLine() throws IOException {
            return Files.readAllLines(dir.resolve("stdout"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("jkcov-validation: ")).findFirst().orElse("(no summary)");
        }

        List<String> stderrLines() throws IOException {
            return Files.readAllLines(dir.resolve("stderr"), StandardCharsets.ISO_8859_1);
        }

        private static String tail(Path f) {
            try {
                List<String> l = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
            } catch (IOException e) {
                return "(" + e + ")";
            }
        }
    }

    /** The tests jar's non-class files (java.policy, lang-708-input.txt), as in the source tree. */
    private static void extractResources(Path jar, Path to) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) j.stream()::iterator) {
                String n = e.getName();
                if (e.isDirectory() || n.endsWith(".class") || n.startsWith("META-INF/")) continue;
                Path target = to.resolve(n).normalize();
                if (!target.startsWith(to)) continue;
                Files.createDirectories(target.getParent());
                try (InputStream in = j.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted((x, y) -> y.getNameCount() - x.getNameCount()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
