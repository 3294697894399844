package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.agent.NeverInstrument;
import io.jkcov.instrument.PcEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** jdk=true: JDK classes are traced, without recursion or deadlock, and never the never-list. */
class JdkIT {

    static final String WORK = "jkcovit.targets.JdkWork";

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void hashmap_format_and_regex_are_traced(Path jdk) {
        check(jdk, "jdk", List.of());
    }

    /**
     * Without the JIT, whose intrinsics replace instrumented JDK methods once their caller is
     * compiled, a warmed JVM gives the same trace for the same input even with jdk=true.
     */
    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void interpreted_runs_after_the_first_are_identical(Path jdk) {
        Jvm.Outcome o = Jvm.on(jdk).jkcov("jdk=true").jvmArg("-Xint").cp(Targets.classes())
                .main("jkcovit.harness.Run", "pc", WORK, "3").run().ok();
        List<List<Long>> runs = Traces.pcRuns(o.stdout());
        assertTrue(runs.get(1).size() > 100, o.describe());
        assertEquals(runs.get(1), runs.get(2));
    }

    /** The interpreter takes paths (LambdaForm interpretation, no intrinsics) the JIT hides. */
    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void hashmap_format_and_regex_are_traced_interpreted(Path jdk) {
        check(jdk, "jdk-xint", List.of("-Xint"));
    }

    private static void check(Path jdk, String name, List<String> jvmArgs) {
        Path table = Paths.work().resolve(name + "-" + Jdks.feature(jdk) + ".pcs");
        Jvm j = Jvm.on(jdk).jkcov("jdk=true,pctable=" + table).cp(Targets.classes());
        jvmArgs.forEach(j::jvmArg);
        Jvm.Outcome o = j.main("jkcovit.harness.Run", "pc", WORK, "2").run().ok();
        List<PcEntry> entries = PcTables.read(table);
        Map<Long, PcEntry> pcs = PcTables.byPc(entries);
        for (PcEntry e : entries) {
            assertTrue(!NeverInstrument.covers(e.className()), "never-list class instrumented: " + e);
        }
        List<List<Long>> runs = Traces.pcRuns(o.stdout());
        Set<String> traced = new TreeSet<>();
        for (long pc : runs.get(1)) {
            PcEntry e = pcs.get(pc);
            traced.add(e == null ? "?" + Long.toHexString(pc) : e.className());
        }
        for (String c : List.of("java/util/HashMap", "java/util/Formatter", "java/util/regex/Pattern",
                "java/util/regex/Matcher", "jkcovit/targets/JdkWork")) {
            assertTrue(traced.contains(c), c + " not traced; traced: " + traced + "\n" + o.describe());
        }
        assertTrue(!traced.stream().anyMatch(c -> c.startsWith("?")), "PCs missing from the table: " + traced);
        assertEquals(List.of(), o.jkcovLines().stream().filter(l -> l.contains("cannot")).toList(), o.describe());
    }
}
