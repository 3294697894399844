package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.Instrumenter;
import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** kcov-model.md section 6: the same class bytes give the same PCs, in any run, agent or offline. */
class StabilityIT {

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void two_jvm_runs_give_identical_pcs_and_tables(Path jdk) {
        int v = Jdks.feature(jdk);
        Path t1 = Paths.work().resolve("stable-1-" + v + ".pcs");
        Path t2 = Paths.work().resolve("stable-2-" + v + ".pcs");
        Jvm.Outcome a = TraceIT.harness(jdk, TraceIT.INCLUDES + ",pctable=" + t1, "pc", TraceIT.BRANCHES).run().ok();
        Jvm.Outcome b = TraceIT.harness(jdk, TraceIT.INCLUDES + ",pctable=" + t2, "pc", TraceIT.BRANCHES).run().ok();
        List<Long> ra = Traces.pcRuns(a.stdout()).get(0);
        assertFalse(ra.isEmpty());
        assertEquals(ra, Traces.pcRuns(b.stdout()).get(0));
        assertEquals(PcTables.read(t1), PcTables.read(t2));
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void offline_instrumentation_gives_the_agents_pcs(Path jdk) {
        Path table = Paths.work().resolve("offline-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome o = TraceIT.harness(jdk, TraceIT.INCLUDES + ",pctable=" + table, "pc", TraceIT.BRANCHES).run().ok();
        Result offline = new Instrumenter(Instrumenter.Clinit.SKIP).instrument(Targets.bytes(TraceIT.BRANCHES));
        assertTrue(offline.changed(), offline.toString());
        List<PcEntry> agent = PcTables.read(table).stream()
                .filter(e -> e.className().equals("jkcovit/targets/Branches")).toList();
        assertEquals(offline.pcs(), agent);
        List<Long> offlinePcs = offline.pcs().stream().map(PcEntry::pc).toList();
        assertTrue(offlinePcs.containsAll(Traces.pcRuns(o.stdout()).get(0)), o.describe());
    }
}
