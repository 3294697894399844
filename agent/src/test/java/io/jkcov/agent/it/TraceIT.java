package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jkcov.instrument.PcEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact trace of known targets, symbolised through the PC table the agent wrote. */
class TraceIT {

    static final String BRANCHES = "jkcovit.targets.Branches";
    static final String COMPARES = "jkcovit.targets.Compares";
    static final String INCLUDES = "includes=jkcovit.targets.*";

    static Jvm harness(Path jdk, String options, String... args) {
        return Jvm.on(jdk).jkcov(options).cp(Targets.classes()).main("jkcovit.harness.Run", args);
    }

    static String at(String marker) {
        return ":" + Targets.line(BRANCHES, marker);
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void trace_pc_gives_every_block_in_execution_order(Path jdk) {
        Path table = Paths.work().resolve("branches-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome o = harness(jdk, INCLUDES + ",pctable=" + table, "pc", BRANCHES).run().ok();
        assertEquals("bootstrap", Traces.loader(o.stdout()), "the runtime must come from the bootstrap loader");
        Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
        List<String> trace = Traces.pcRuns(o.stdout()).get(0).stream().map(pc -> PcTables.where(pcs, pc)).toList();
        assertEquals(expectedBranches(), trace, o.describe());
    }

    /** Branches.run(): "method:line" per block, in execution order. */
    static List<String> expectedBranches() {
        return List.of(
                "run" + at("run"),
                "classify" + at("entry"), "classify" + at("negative"),
                "classify" + at("entry"), "classify" + at("nonnegative"), "classify" + at("zero"),
                "classify" + at("entry"), "classify" + at("nonnegative"), "classify" + at("positive"));
    }

    /** Parent-first delegation: the application's own copy of the runtime jar is never used. */
    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void a_runtime_jar_on_the_class_path_is_shadowed_by_the_bootstrap_copy(Path jdk) {
        Jvm.Outcome o = Jvm.on(jdk).jkcov(INCLUDES).cp(Targets.classes()).cp(Paths.runtimeJar())
                .main("jkcovit.harness.Run", "pc", BRANCHES).run().ok();
        assertEquals("bootstrap", Traces.loader(o.stdout()));
        assertEquals(9, Traces.pcRuns(o.stdout()).get(0).size(), o.describe());
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void trace_cmp_gives_the_exact_records(Path jdk) {
        Path table = Paths.work().resolve("compares-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome o = harness(jdk, INCLUDES + ",pctable=" + table, "cmp", COMPARES).run().ok();
        Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
        assertEquals(expectedCompares(), describe(Traces.cmpRuns(o.stdout()).get(0), pcs), o.describe());
    }

    /** Compares.run(): "type arg1 arg2 method:line kind" per record, in execution order. */
    static List<String> expectedCompares() {
        long size4 = 2 << 1, size8 = 3 << 1, konst = 1;
        return List.of(
                rec(size4, 3, 9, "compare", "icmp", PcEntry.Kind.CMP),
                rec(konst | size4, 5, 3, "compare", "iconst", PcEntry.Kind.CMP),
                rec(konst | size8, 10, 10, "compare", "lcmp", PcEntry.Kind.CMP),
                rec(konst | size4, 0, 9, "compare", "ifzero", PcEntry.Kind.CMP),
                rec(konst | size4, 1, 2, "table", "table", PcEntry.Kind.SWITCH),
                rec(konst | size4, 2, 2, "table", "table", PcEntry.Kind.SWITCH),
                rec(konst | size4, 3, 2, "table", "table", PcEntry.Kind.SWITCH),
                rec(konst | size4, 10, 1000, "lookup", "lookup", PcEntry.Kind.SWITCH),
                rec(konst | size4, 1000, 1000, "lookup", "lookup", PcEntry.Kind.SWITCH));
    }

    /** CMP records in the form of {@link #expectedCompares()}. */
    static List<String> describe(List<Traces.Cmp> records, Map<Long, PcEntry> pcs) {
        return records.stream().map(c -> {
            PcEntry e = pcs.get(c.ip());
            String where = e == null ? "?" : e.method() + ":" + e.line() + " " + e.kind();
            return c.type() + " " + c.arg1() + " " + c.arg2() + " " + where;
        }).toList();
    }

    private static String rec(long type, long a1, long a2, String method, String marker, PcEntry.Kind kind) {
        return type + " " + a1 + " " + a2 + " " + method + ":" + Targets.line(COMPARES, marker) + " " + kind;
    }
}
