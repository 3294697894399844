package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.PcEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probes' static key (docs/hot-path.md, "The static key"): a target compiled while no thread
 * traced, with the probes' entry points in their off form inlined as nothing, records every block
 * and comparison once a thread enables, from the first call on. Once with tiered compilation as
 * it comes, once with C2 alone ({@code -XX:-TieredCompilation}). The targets' methods are kept
 * out of their callers ({@code dontinline}), so that each is compiled on its own rather than
 * inside the reflective harness; {@code -Xbatch} makes the warm-up wait for each compilation.
 * {@code PrintCompilation} then shows C2's code of the target before the enable, and the enable
 * making it not entrant (the switch's deoptimisation).
 */
class StaticKeyIT {

    static final int WARM = 30_000;

    static Stream<Arguments> jdksAndCompilers() {
        return Jdks.all().flatMap(jdk -> Stream.of(Arguments.of(jdk, "-XX:+TieredCompilation"),
                Arguments.of(jdk, "-XX:-TieredCompilation")));
    }

    @ParameterizedTest
    @MethodSource("jdksAndCompilers")
    void blocks_compiled_while_off_are_traced_exactly_after_enable(Path jdk, String compilers) {
        assertEveryRunExact(jdk, compilers, "pc", TraceIT.BRANCHES, "jkcovit.targets.Branches::classify",
                TraceIT.expectedBranches());
    }

    @ParameterizedTest
    @MethodSource("jdksAndCompilers")
    void comparisons_compiled_while_off_are_traced_exactly_after_enable(Path jdk, String compilers) {
        assertEveryRunExact(jdk, compilers, "cmp", TraceIT.COMPARES, "jkcovit.targets.Compares::compare",
                TraceIT.expectedCompares());
    }

    /** Warms {@code target} up, traces it twice, and checks both runs (in TraceIT's terms). */
    private static void assertEveryRunExact(Path jdk, String compilers, String mode, String target, String hot,
            List<String> expected) {
        Path table = Paths.work().resolve("key-" + mode + "-" + Jdks.feature(jdk) + compilers.charAt(4) + ".pcs");
        Jvm.Outcome o = warmed(jdk, compilers, table, mode, target);
        assertC2CodeDroppedAtEnable(o, compilers, hot);
        Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
        List<List<String>> runs = mode.equals("pc")
                ? Traces.pcRuns(o.stdout()).stream().map(r -> r.stream().map(pc -> PcTables.where(pcs, pc)).toList()).toList()
                : Traces.cmpRuns(o.stdout()).stream().map(r -> TraceIT.describe(r, pcs)).toList();
        assertEquals(2, runs.size(), o.describe());
        for (List<String> run : runs) assertEquals(expected, run, o.describe());
    }

    /** Runs the target WARM times untraced, then traces two runs; the key must go off to on. */
    private static Jvm.Outcome warmed(Path jdk, String compilers, Path table, String mode, String target) {
        Jvm.Outcome o = TraceIT.harness(jdk, TraceIT.INCLUDES + ",pctable=" + table, mode, target, "2", String.valueOf(WARM))
                .jvmArg(compilers).jvmArg("-Xbatch").jvmArg("-XX:+PrintCompilation")
                .jvmArg("-XX:CompileCommand=quiet").jvmArg("-XX:CompileCommand=dontinline,jkcovit.targets.*::*")
                .run().ok();
        assertTrue(o.stdout().lines().anyMatch("key off on"::equals),
                "the key was off while nothing traced and on after enable: " + o.describe());
        return o;
    }

    /**
     * A PrintCompilation line of {@code method} compiled by C2 (tier 4, or no tier printed when
     * C2 is the only compiler) before the harness's "enabling" line, and the same compilation
     * (by its id) made not entrant between that line and the "key" line printed after the
     * enable, not before.
     */
    private static void assertC2CodeDroppedAtEnable(Jvm.Outcome o, String compilers, String method) {
        String tier = compilers.equals("-XX:-TieredCompilation") ? "" : "4\\s+";
        Pattern c2 = Pattern.compile("^\\s*\\d+\\s+(\\d+)\\s+[ %!bsn]*" + tier + Pattern.quote(method) + " \\(");
        List<String> lines = o.stdout().lines().toList();
        int enabling = lines.indexOf("enabling");
        List<String> beforeEnable = lines.subList(0, enabling);
        List<String> duringEnable = lines.subList(enabling, lines.indexOf("key off on"));
        String id = beforeEnable.stream().map(c2::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("no C2 compilation of " + method + " before the enable: " + o.describe()));
        Pattern dropped = Pattern.compile("^\\s*\\d+\\s+" + id + "\\s.*" + Pattern.quote(method) + " .*made not entrant");
        assertTrue(beforeEnable.stream().noneMatch(l -> dropped.matcher(l).find()),
                "C2's code of " + method + " was dropped before the enable, which proves nothing: " + o.describe());
        assertTrue(duringEnable.stream().anyMatch(l -> dropped.matcher(l).find()),
                "C2's code of " + method + " (compilation " + id + ") was not dropped by the enable: " + o.describe());
    }
}
