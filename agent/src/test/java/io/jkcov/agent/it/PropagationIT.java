package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.PcEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Remote coverage with no change to application code: the common handle travels with threads,
 * executors, fork/join, CompletableFuture and virtual threads (kcov-model.md section 5).
 */
class PropagationIT {

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void every_hand_over_carries_the_owner_and_nothing_else(Path jdk) {
        Path table = Paths.work().resolve("paths-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome o = Jvm.on(jdk).jkcov("includes=jkcovit.remote.*,pctable=" + table).cp(Targets.classes())
                .main("jkcovit.remote.Paths").run().ok();
        Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
        List<String> methods = new ArrayList<>();
        List<String> lambdas = new ArrayList<>(); // distinct lambda blocks: the counts vary by javac
        for (String hex : o.stdout().trim().replaceFirst("^pcs ?", "").split(" ")) {
            if (hex.isEmpty()) continue;
            String m = pcs.get(Long.parseUnsignedLong(hex, 16)).method();
            if (!m.startsWith("lambda$")) methods.add(m);
            else if (!lambdas.contains(hex)) lambdas.add(hex);
        }
        methods.sort(null);
        assertFalse(lambdas.isEmpty(), o.describe());
        List<String> expected = new ArrayList<>(List.of("asyncStage", "forkJoin", "hoppedStage",
                "ownForkJoin", "periodic", "periodic", "periodic", "pool", "poolExecute", "scheduled", "thread"));
        if (Jdks.feature(jdk) >= 21) expected.add("virtualThread");
        expected.sort(null);
        assertEquals(expected, methods, o.describe());
    }

    /**
     * A submitted task's section must end before its result is published, or a harness that
     * reads the area right after {@code get()} misses the task's entries now and then (and finds
     * them in its next input's trace).
     */
    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void a_submitted_tasks_entries_are_in_the_area_when_get_returns(Path jdk) {
        Jvm.Outcome o = Jvm.on(jdk).jkcov("includes=jkcovit.remote.Landed").cp(Targets.classes())
                .main("jkcovit.remote.Landed", "5000").run().ok();
        assertEquals("submit late 0 schedule late 0 join late 0 throw late 0", o.stdout().trim(), o.describe());
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void eight_owners_each_get_exactly_their_own_ten_thousand_tasks(Path jdk) {
        Path table = Paths.work().resolve("stress-" + Jdks.feature(jdk) + ".pcs");
        Jvm.Outcome o = Jvm.on(jdk).jkcov("includes=jkcovit.remote.*,pctable=" + table).cp(Targets.classes())
                .main("jkcovit.remote.Stress").run().ok();
        Map<Long, PcEntry> pcs = PcTables.byPc(PcTables.read(table));
        Pattern line = Pattern.compile("owner (\\d) count (\\d+) overflowed (\\w+) \\{(.*)}");
        List<String> lines = Arrays.asList(o.stdout().trim().split("\n"));
        assertEquals(8, lines.size(), o.describe());
        for (String l : lines) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), l);
            int owner = Integer.parseInt(m.group(1));
            assertEquals("false", m.group(3), l);
            boolean ownMarker = false;
            long total = 0;
            long lambdas = 0;
            for (String entry : m.group(4).split(", ")) {
                String[] kv = entry.split("=");
                PcEntry e = pcs.get(Long.parseUnsignedLong(kv[0], 16));
                int n = Integer.parseInt(kv[1]);
                total += n;
                // Every block of the task ran once per task (the three submitting lambdas, a
                // third of the tasks each), and nothing else is in the area.
                String method = e.method();
                if (method.startsWith("lambda$")) lambdas += n;
                else assertEquals(10_000, n, "owner " + owner + ": " + e);
                assertTrue(method.equals("work") || method.startsWith("lambda$") || method.equals("o" + owner),
                        "owner " + owner + " holds " + e);
                ownMarker |= method.equals("o" + owner);
                assertFalse(method.equals("main") || method.equals("drive"), "owner " + owner + " holds " + e);
            }
            assertTrue(ownMarker, l);
            assertEquals(10_000, lambdas, l);
            assertEquals(Long.parseLong(m.group(2)), total, l);
        }
    }
}
