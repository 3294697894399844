package io.jkcov.tools.run;

import io.jkcov.Kcov;
import io.jkcov.tools.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jkcov run}: starts a Java program under the agent with {@code trace=}, so that its main
 * thread traces from before {@code main} and its spawned work comes back through a common
 * handle (the agent's {@code ProgramTrace}); then reports where the trace went and passes the
 * program's exit status through. docs/run.md.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a Java program with its main thread tracing from the start of main, and the work it",
                "spawns (threads, executors, fork/join, CompletableFuture) coming back through a common handle.",
                "At exit, DIR holds trace.kcov (KCOV layout: the main thread's trace, then the sections of",
                "the spawned work), pctable.txt and summary.txt. The program's exit status is passed through."},
        usageHelpWidth = 110)
public final class RunCommand implements Callable<Integer> {

    /** What a shell returns for a command it cannot run. */
    static final int CANNOT_START = 127;

    enum TraceMode { pc, cmp }

    @Option(names = "--mode", defaultValue = "pc", description = "pc (TRACE_PC) or cmp (TRACE_CMP); default: ${DEFAULT-VALUE}.")
    TraceMode mode;

    @Option(names = "--area-words", defaultValue = "4194304",
            description = "Words in each area (the main thread's, the spawned work's), count included; default: ${DEFAULT-VALUE}.")
    long areaWords;

    @Option(names = "--section-words", defaultValue = "65536",
            description = "Words in each section of spawned work (a thread's or a task's); default: ${DEFAULT-VALUE}.")
    long sectionWords;

    @Option(names = "--includes", defaultValue = "*",
            description = "Classes to instrument: globs over dotted names, separated by ':'; default: ${DEFAULT-VALUE}.")
    String includes;

    @Option(names = "--out", defaultValue = "jkcov-run", description = "Output directory; default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--agent", description = "The jkcov agent jar (default: the -Djkcov.agent the launcher sets).")
    Path agent;

    @Parameters(arity = "1..*", paramLabel = "java ARGS", description = "The program: a java command and its arguments, after --.")
    List<String> program;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String bad = checkOptions();
        if (bad != null) return fail(bad, 2);
        Path agentJar;
        try {
            agentJar = agent != null ? agent : Locations.agentJar();
        } catch (IllegalStateException e) {
            return fail(e.getMessage(), 2);
        }
        Files.createDirectories(out);
        Path trace = out.resolve("trace.kcov");
        Path pctable = out.resolve("pctable.txt");
        Path summary = out.resolve("summary.txt");
        // Stale files from an earlier run must not pass for this run's.
        for (Path p : List.of(trace, pctable, summary)) Files.deleteIfExists(p);

        Process process;
        try {
            process = new ProcessBuilder(command(agentJar, pctable)).inheritIO().start();
        } catch (IOException e) {
            return fail("cannot start " + program.get(0) + ": " + e.getMessage(), CANNOT_START);
        }
        int status = process.waitFor();
        if (!Files.isRegularFile(trace)) {
            return fail("the program left no trace in " + out + " (exit status " + status
                    + "; killed before its shutdown hooks ran?)", status != 0 ? status : 1);
        }
        Files.writeString(summary, "program: " + String.join(" ", program) + "\nexit status: " + status + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        String unit = mode == TraceMode.cmp ? " CMP records" : " PCs";
        System.err.println("jkcov run: " + count(trace) + unit + " in " + trace + "; PC table " + pctable
                + "; summary " + summary);
        if (Files.readString(summary).contains("(overflowed")) {
            System.err.println("jkcov run: the trace is cut short: an area was full (raise --area-words)");
        }
        if (status != 0) System.err.println("jkcov run: the program exited with status " + status);
        return status;
    }

    /** The program's command with the agent inserted after the launcher. */
    private List<String> command(Path agentJar, Path pctable) {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.get(0));
        cmd.add("-javaagent:" + agentJar + "=trace=" + mode + ",areawords=" + areaWords + ",sectionwords="
                + sectionWords + ",includes=" + includes + ",out=" + out + ",pctable=" + pctable);
        cmd.addAll(program.subList(1, program.size()));
        return cmd;
    }

    /** The agent's own checks would name its option keys; these name the flags the user typed. */
    private String checkOptions() {
        if (areaWords < 2 || areaWords > Kcov.MAX_WORDS) {
            return "--area-words " + areaWords + " is out of range [2, " + Kcov.MAX_WORDS + "]";
        }
        if (sectionWords < 2 || sectionWords > Kcov.MAX_WORDS) {
            return "--section-words " + sectionWords + " is out of range [2, " + Kcov.MAX_WORDS + "]";
        }
        if (includes.isEmpty()) return "--includes: no pattern (use * for all)";
        // The agent's options are separated by commas, so no value can contain one.
        if (includes.contains(",")) return "--includes: separate patterns with ':', not ','";
        if (out.toString().contains(",")) return "--out: a directory name with ',' cannot be passed to the agent";
        return null;
    }

    /** Word 0 of the trace: the number of entries. */
    private static long count(Path trace) throws IOException {
        try (InputStream in = Files.newInputStream(trace)) {
            byte[] word = in.readNBytes(8);
            if (word.length < 8) return 0;
            return ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
    }

    private static int fail(String message, int status) {
        System.err.println("jkcov run: " + message);
        return status;
    }
}
