package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import io.jkcov.instrument.PcEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An application with its own ASM, and the JaCoCo agent (which has its own too), run unchanged. */
class ForeignAsmIT {

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void an_application_bundling_asm_9_2_sees_its_own_asm(Path jdk) throws Exception {
        Jvm.Outcome plain = Jvm.on(jdk).cp(Targets.classes()).cp(Paths.asm92()).main("jkcovit.asmapp.AsmApp").run().ok();
        Path table = Paths.work().resolve("asmapp-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome agent = Jvm.on(jdk).jkcov("pctable=" + table).cp(Targets.classes()).cp(Paths.asm92())
                .main("jkcovit.asmapp.AsmApp").run().ok();
        assertTrue(plain.stdout().startsWith("asm asm-9.2.jar V19=false"), plain.describe());
        assertEquals(plain.stdout(), agent.stdout(), agent.describe());
        // Default includes: the application's ASM itself was instrumented, by jkcov's own copy.
        assertTrue(Files.readString(table).contains("org/objectweb/asm/ClassReader"), "app's ASM not instrumented");
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void jacoco_and_jkcov_both_record_in_either_order(Path jdk) throws Exception {
        for (boolean jacocoFirst : new boolean[] {true, false}) {
            Path exec = Paths.work().resolve("jacoco-" + jacocoFirst + "-" + Jdks.feature(jdk) + ".exec");
            Files.deleteIfExists(exec);
            Jvm j = Jvm.on(jdk);
            String jacoco = "-javaagent:" + Paths.jacocoAgent() + "=destfile=" + exec + ",includes=jkcovit.*";
            if (jacocoFirst) j.jvmArg(jacoco);
            Path table = Paths.work().resolve("jacoco-" + jacocoFirst + "-" + Jdks.feature(jdk) + ".pcs");
            j.jkcov(TraceIT.INCLUDES + ",pctable=" + table);
            if (!jacocoFirst) j.jvmArg(jacoco);
            Jvm.Outcome o = j.cp(Targets.classes()).main("jkcovit.harness.Run", "pc", TraceIT.BRANCHES).run().ok();
            Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
            // Whatever the command-line order, jkcov sees JaCoCo's output: the JVM calls
            // retransformation-incapable transformers (JaCoCo's) before capable ones (ours)
            // (java.lang.instrument.Instrumentation#addTransformer). JaCoCo's probes are array
            // stores, no branches, so the target's blocks are the same nine; jkcov also traces
            // JaCoCo's synthetic $jacocoInit, dropped here, and since JaCoCo calls it before a
            // method's first line number, entry blocks carry no line (-1).
            List<String> trace = Traces.pcRuns(o.stdout()).get(0).stream().map(pc -> PcTables.where(pcs, pc))
                    .filter(w -> !w.startsWith("$jacoco")).toList();
            String run = ":" + Targets.line(TraceIT.BRANCHES, "run");
            String entry = ":" + Targets.line(TraceIT.BRANCHES, "entry");
            List<String> expected = TraceIT.expectedBranches().stream()
                    .map(w -> w.endsWith(run) || w.endsWith(entry) ? w.substring(0, w.indexOf(':')) + ":-1" : w).toList();
            assertEquals(expected, trace, o.describe());
            assertTrue(Files.size(exec) > 0, "jacoco.exec empty: " + o.describe());
        }
    }
}
