package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.PcEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** kcov-model.md section 8: a static initialiser is noise unless asked for. */
class ClinitIT {

    static final String INIT = "jkcovit.targets.Init";

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void with_clinit_skip_the_same_input_twice_gives_the_same_trace(Path jdk) {
        Jvm.Outcome o = TraceIT.harness(jdk, TraceIT.INCLUDES, "pc", INIT, "3").run().ok();
        List<List<Long>> runs = Traces.pcRuns(o.stdout());
        assertEquals(3, runs.size());
        assertEquals(runs.get(0), runs.get(1), o.describe());
        assertEquals(runs.get(1), runs.get(2), o.describe());
        assertTrue(!runs.get(0).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void with_clinit_record_the_first_run_also_holds_the_initialiser(Path jdk) {
        Path table = Paths.work().resolve("clinit-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome o = TraceIT.harness(jdk, TraceIT.INCLUDES + ",clinit=record,pctable=" + table, "pc", INIT, "2").run().ok();
        List<List<Long>> runs = Traces.pcRuns(o.stdout());
        assertNotEquals(runs.get(0), runs.get(1), o.describe());
        Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
        List<Long> first = new ArrayList<>(runs.get(0));
        List<Long> clinit = first.stream().filter(pc -> pcs.get(pc).method().equals("<clinit>")).toList();
        assertTrue(!clinit.isEmpty(), "no <clinit> block in the first run: " + o.describe());
        assertEquals(Targets.line(INIT, "clinit"), pcs.get(clinit.get(0)).line(), "the initialiser's first block");
        first.removeAll(clinit);
        assertEquals(runs.get(1), first, "without its initialiser's blocks, the first run is the second");
        assertTrue(runs.get(1).stream().noneMatch(pc -> pcs.get(pc).method().equals("<clinit>")));
    }
}
