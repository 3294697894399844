package io.jkcov.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import io.jkcov.tools.Processes.Outcome;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jkcov run} as a process, on {@code runtarget.Job}: the exact trace (the main thread's
 * blocks, then the sections of the thread and the pool tasks it spawned), the summary, the exit
 * status passed through, and one line for bad input. On each JDK.
 */
class RunIT {

    /** JDK 17 prints this once the agent appends the runtime to the bootstrap path (docs/agent.md). */
    private static final String CDS_WARNING = "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot"
            + " loader classes because bootstrap classpath has been appended";

    static Outcome jkcov(Path java, String... args) throws Exception {
        Outcome o = Processes.run(Processes.jkcov(java, args), "");
        return new Outcome(o.exit(), o.out(), o.err().replace(CDS_WARNING + "\n", ""));
    }

    static Outcome runJob(Path java, Path out, String mode, String... jobArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--mode", mode, "--includes", "runtarget.*",
                "--out", out.toString(), "--", java.toString(), "-cp", System.getProperty("jkcov.test.classes"),
                "runtarget.Job"));
        args.addAll(List.of(jobArgs));
        return jkcov(java, args.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.tools.Processes#javas")
    void the_main_thread_traces_from_the_start_and_spawned_work_follows_in_sections(Path java) throws Exception {
        Path out = Files.createTempDirectory("jkcov-run");
        Outcome o = runJob(java, out, "pc", "2", "5");
        Path trace = out.resolve("trace.kcov");
        assertEquals(new Outcome(5, "main: positive\npool: 4\nasync: 0\n",
                "jkcov run: 21 PCs in " + trace + "; PC table " + out.resolve("pctable.txt") + "; summary "
                        + out.resolve("summary.txt") + "\njkcov run: the program exited with status 5\n"), o);
        List<String> pcs = symbolized(out);
        // The main thread: main's first block runs to the `if` on line 25; then exit.
        assertEquals(List.of("Job.main:16", "OnMain.classify:7", "OnMain.classify:8", "OnMain.classify:9",
                "Job.main:25"), pcs.subList(0, 5));
        // The thread it started: its section ends when run() returns, before join() does.
        assertEquals(List.of("Job.lambda$main$0:18", "OnThread.count:7", "OnThread.count:8", "OnThread.count:8",
                "OnThread.count:8", "OnThread.count:8", "OnThread.count:8", "OnThread.count:9"), pcs.subList(5, 13));
        // The pool's task: its section ends before get() returns (Carry.run). Then the
        // CompletableFuture's, on the common pool; that one may end after join() returns, but
        // nothing comes after it.
        assertEquals(List.of("Job.lambda$main$1:22", "InPool.twice:7", "InPool.twice:7", "InPool.twice:7",
                "Job.lambda$main$2:24", "InPool.twice:7", "InPool.twice:7", "InPool.twice:7"), pcs.subList(13, pcs.size()));
        assertEquals("mode: TRACE_PC\n"
                + "area words: 4194304 for the main thread, 4194304 for spawned work\n"
                + "main thread: 5 PCs\n"
                + "spawned work: 16 PCs\n"
                + "total: 21 PCs\n"
                + "program: " + java + " -cp " + System.getProperty("jkcov.test.classes") + " runtarget.Job 2 5\n"
                + "exit status: 5\n", Files.readString(out.resolve("summary.txt")));
    }

    @ParameterizedTest
    @MethodSource("io.jkcov.tools.Processes#javas")
    void trace_cmp_gives_the_operands_of_every_comparison_in_the_same_order(Path java) throws Exception {
        Path out = Files.createTempDirectory("jkcov-run");
        Outcome o = runJob(java, out, "cmp", "2");
        assertEquals(0, o.exit(), o.err());
        Map<Long, String> where = where(out.resolve("pctable.txt"));
        long[] words = entries(out.resolve("trace.kcov"), 4);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < words.length; i += 4) {
            records.add(String.format("%s type=%d %x %x", where.get(words[i + 3]), words[i], words[i + 1], words[i + 2]));
        }
        assertEquals(List.of("OnMain.classify:7 type=5 0 2", "OnMain.classify:8 type=5 0 2", "Job.main:25 type=5 1 1"),
                records.subList(0, 3));
        assertEquals(List.of("OnThread.count:8 type=4 0 2", "OnThread.count:8 type=4 1 2", "OnThread.count:8 type=4 2 2"),
                records.subList(3, 6));
        assertEquals(List.of("InPool.twice:7 type=5 0 2", "InPool.twice:7 type=5 0 fffffffe"),
                records.subList(6, records.size()));
    }

    @Test
    void a_full_area_keeps_the_first_entries_and_says_so() throws Exception {
        Path java = Processes.java();
        Path out = Files.createTempDirectory("jkcov-run");
        Outcome o = jkcov(java, "run", "--area-words", "4", "--includes", "runtarget.*", "--out", out.toString(), "--",
                java.toString(), "-cp", System.getProperty("jkcov.test.classes"), "runtarget.Job", "2");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.err().endsWith("\njkcov run: the trace is cut short: an area was full (raise --area-words)\n"), o.err());
        // Three of the main thread's PCs, then the first three of the first section to end.
        assertEquals(List.of("Job.main:16", "OnMain.classify:7", "OnMain.classify:8",
                "Job.lambda$main$0:18", "OnThread.count:7", "OnThread.count:8"), symbolized(out));
        assertTrue(Files.readString(out.resolve("summary.txt")).startsWith("mode: TRACE_PC\n"
                + "area words: 4 for the main thread, 4 for spawned work\n"
                + "main thread: 3 PCs (overflowed: the area was full)\n"
                + "spawned work: 3 PCs (overflowed: the area was full)\n"
                + "total: 6 PCs\n"));
    }

    @Test
    void work_that_outlives_main_still_comes_back() throws Exception {
        Path java = Processes.java();
        Path out = Files.createTempDirectory("jkcov-run");
        Outcome o = jkcov(java, "run", "--includes", "runtarget.*", "--out", out.toString(), "--", java.toString(),
                "-cp", System.getProperty("jkcov.test.classes"), "runtarget.Late");
        assertEquals(0, o.exit(), o.err());
        // sleep:23 is the block after the try, where the catch would have joined.
        assertEquals(List.of("Late.main:11", "Late.lambda$main$0:12", "Late.sleep:19", "Late.sleep:23", "OnThread.count:7",
                "OnThread.count:8", "OnThread.count:8", "OnThread.count:8", "OnThread.count:9"), symbolized(out));
    }

    @Test
    void a_program_that_throws_still_leaves_its_trace_and_its_status() throws Exception {
        Path java = Processes.java();
        Path out = Files.createTempDirectory("jkcov-run");
        Outcome o = runJob(java, out, "pc", "not-a-number");
        assertEquals(1, o.exit());
        List<String> err = o.err().lines().toList();
        assertTrue(err.get(0).startsWith("Exception in thread \"main\" java.lang.NumberFormatException"), o.err());
        assertEquals("jkcov run: the program exited with status 1", err.get(err.size() - 1));
        assertEquals(List.of("Job.main:16"), symbolized(out));
    }

    @Test
    void bad_input_gets_one_line_and_a_nonzero_exit() throws Exception {
        Path java = Processes.java();
        Path out = Files.createTempDirectory("jkcov-run");
        assertEquals(new Outcome(2, "", "jkcov run: --area-words 1 is out of range [2, 268435455]\n"),
                jkcov(java, "run", "--area-words", "1", "--out", out.toString(), "--", "java", "-version"));
        assertEquals(new Outcome(2, "", "jkcov run: --includes: separate patterns with ':', not ','\n"),
                jkcov(java, "run", "--includes", "a.*,b.*", "--out", out.toString(), "--", "java", "-version"));
        Outcome noJava = jkcov(java, "run", "--out", out.toString(), "--", out.resolve("no-such-java").toString());
        assertEquals(127, noJava.exit());
        assertTrue(noJava.err().startsWith("jkcov run: cannot start " + out.resolve("no-such-java") + ": "), noJava.err());
        assertEquals(1, noJava.err().lines().count(), noJava.err());
        Outcome noProgram = jkcov(java, "run", "--out", out.toString());
        assertEquals(2, noProgram.exit());
        assertEquals(1, noProgram.err().lines().count(), noProgram.err());
        assertTrue(noProgram.err().startsWith("jkcov run: "), noProgram.err());
    }

    /** The words after the count of a trace file (KCOV layout, little-endian), exactly as many as it counts. */
    static long[] entries(Path trace, int wordsPerEntry) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(trace)).order(ByteOrder.LITTLE_ENDIAN);
        long[] words = new long[(int) b.getLong() * wordsPerEntry];
        assertEquals(8L * (1 + words.length), b.capacity(), "file size");
        for (int i = 0; i < words.length; i++) words[i] = b.getLong();
        return words;
    }

    /** The PCs of a TRACE_PC run's trace, as "SimpleClass.method:line". */
    static List<String> symbolized(Path out) throws Exception {
        Map<Long, String> where = where(out.resolve("pctable.txt"));
        List<String> pcs = new ArrayList<>();
        for (long pc : entries(out.resolve("trace.kcov"), 1)) pcs.add(where.getOrDefault(pc, Long.toHexString(pc)));
        return pcs;
    }

    /** PC to "SimpleClass.method:line". */
    static Map<Long, String> where(Path pctable) throws Exception {
        Map<Long, String> m = new HashMap<>();
        try (Reader r = Files.newBufferedReader(pctable)) {
            for (PcEntry e : PcTable.read(r)) {
                m.put(e.pc(), e.className().substring(e.className().lastIndexOf('/') + 1) + "." + e.method() + ":" + e.line());
            }
        }
        return m;
    }
}
