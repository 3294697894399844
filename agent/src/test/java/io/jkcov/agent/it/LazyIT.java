package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.PcEntry;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lazy=true} (docs/agent.md, "Lazy instrumentation"): no probes until the first enable;
 * from then on the same exact traces as without it, for classes loaded and compiled before the
 * enable too. The one difference is shown as well: a frame that is running at the first enable
 * keeps its old code.
 */
class LazyIT {

    static final String LAZY = TraceIT.INCLUDES + ",lazy=true";

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void nothing_is_instrumented_while_no_thread_has_enabled(Path jdk) {
        for (boolean lazy : new boolean[] {true, false}) {
            Path table = Paths.work().resolve("lazy-untraced-" + lazy + "-" + Jdks.feature(jdk) + ".pcs");
            Jvm.Outcome o = Jvm.on(jdk).jkcov(TraceIT.INCLUDES + ",lazy=" + lazy + ",pctable=" + table)
                    .cp(Targets.classes()).main("jkcovit.lazy.Untraced").run().ok();
            assertEquals("done", o.stdout().strip(), o.describe());
            assertTrue(o.jkcovLines().isEmpty(), o.describe());
            List<PcEntry> pcs = PcTables.read(table);
            if (lazy) {
                assertEquals(List.of(), pcs, "lazy=true instrumented without an enable: " + o.describe());
            } else {
                assertFalse(pcs.isEmpty(), "the eager run instrumented nothing, so the lazy one proves nothing");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void blocks_loaded_and_compiled_before_the_first_enable_are_traced_exactly(Path jdk) {
        Warmed w = warmedThenTraced(jdk, "pc", TraceIT.BRANCHES);
        List<List<Long>> runs = Traces.pcRuns(w.o().stdout());
        assertEquals(2, runs.size(), w.o().describe());
        for (List<Long> run : runs) {
            assertEquals(TraceIT.expectedBranches(), run.stream().map(pc -> PcTables.where(w.pcs(), pc)).toList(),
                    w.o().describe());
        }
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void comparisons_loaded_and_compiled_before_the_first_enable_are_traced_exactly(Path jdk) {
        Warmed w = warmedThenTraced(jdk, "cmp", TraceIT.COMPARES);
        for (List<Traces.Cmp> run : Traces.cmpRuns(w.o().stdout())) {
            assertEquals(TraceIT.expectedCompares(), TraceIT.describe(run, w.pcs()), w.o().describe());
        }
    }

    /**
     * A class loaded before the enable is instrumented by retransformation, from the bytes it was
     * loaded with: its PCs are those of lazy=false (and so of offline instrumentation,
     * StabilityIT), not of the JVM's reconstitution of the class, whose constant pool differs.
     */
    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void the_pcs_are_those_of_eager_instrumentation(Path jdk) {
        Map<Boolean, List<PcEntry>> tables = new HashMap<>();
        for (boolean lazy : new boolean[] {true, false}) {
            Path table = Paths.work().resolve("lazy-same-" + lazy + "-" + Jdks.feature(jdk) + ".pcs");
            Jvm.Outcome o = TraceIT.harness(jdk, TraceIT.INCLUDES + ",lazy=" + lazy + ",pctable=" + table, "pc",
                    TraceIT.BRANCHES, "1", "10").run().ok();
            assertEquals(9, Traces.pcRuns(o.stdout()).get(0).size(), o.describe());
            tables.put(lazy, PcTables.read(table).stream().sorted(Comparator.comparingLong(PcEntry::pc)).toList());
        }
        assertFalse(tables.get(false).isEmpty());
        assertEquals(tables.get(false), tables.get(true));
    }

    private record Warmed(Jvm.Outcome o, Map<Long, PcEntry> pcs) {}

    /**
     * The harness, lazy: {@code target} loaded, run and compiled untraced (the probes not there),
     * then enabled and traced twice; the key must have gone from off to on at the enable.
     */
    private static Warmed warmedThenTraced(Path jdk, String mode, String target) {
        Path table = Paths.work().resolve("lazy-" + mode + "-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome o = TraceIT.harness(jdk, LAZY + ",pctable=" + table, mode, target, "2",
                String.valueOf(StaticKeyIT.WARM)).run().ok();
        assertTrue(o.stdout().lines().anyMatch("key off on"::equals), o.describe());
        return new Warmed(o, PcTables.byPc(PcTables.read(table)));
    }

    /** Eager: the loop's own blocks after the enable are in the trace. Lazy: only the callee's. */
    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void a_frame_running_at_the_first_enable_keeps_its_old_code(Path jdk) {
        List<String> classifyZero = List.of("classify" + TraceIT.at("entry"), "classify" + TraceIT.at("nonnegative"),
                "classify" + TraceIT.at("zero"));
        for (boolean lazy : new boolean[] {true, false}) {
            Path table = Paths.work().resolve("lazy-live-" + lazy + "-" + Jdks.feature(jdk) + ".pcs");
            Jvm.Outcome o = Jvm.on(jdk).jkcov(TraceIT.INCLUDES + ",lazy=" + lazy + ",pctable=" + table)
                    .cp(Targets.classes()).main("jkcovit.targets.LiveAtEnable").run().ok();
            Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
            List<String> trace = Traces.pcRuns(o.stdout()).get(0).stream().map(pc -> PcTables.where(pcs, pc)).toList();
            if (lazy) {
                assertEquals(classifyZero, trace, o.describe());
            } else {
                assertEquals(classifyZero, trace.stream().filter(w -> w.startsWith("classify:")).toList(), o.describe());
                assertTrue(trace.stream().anyMatch(w -> w.startsWith("main:")), "eager: " + trace);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void classes_loading_on_other_threads_during_the_switch_all_get_probes(Path jdk) {
        Jvm.Outcome o = Jvm.on(jdk).jkcov(LAZY).cp(Targets.classes()).main("jkcovit.lazy.LoadRace").run().ok();
        List<String> lines = o.stdout().lines().toList();
        assertEquals("end", lines.get(lines.size() - 1), o.describe());
        String[] copies = lines.get(0).split(" ");
        int all = Integer.parseInt(copies[1]);
        int before = Integer.parseInt(copies[2]);
        assertTrue(before > 0 && all > before, "copies loaded both before and after the enable: " + o.describe());
        assertEquals("untraced 0", lines.get(1), o.describe());
    }
}
