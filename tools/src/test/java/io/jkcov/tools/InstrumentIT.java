package io.jkcov.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.Instrumenter;
import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import java.io.File;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jkcov instrument} as a process: the output runs with only the runtime jar added, and
 * traces the same PCs as the agent does on the original classes.
 */
class InstrumentIT {

    private static Path work;
    private static Path classes;

    @BeforeAll
    static void input() throws Exception {
        work = Files.createTempDirectory("jkcov-instrument");
        classes = work.resolve("classes");
        copy(Path.of("target/classes/demo/decoder/PacketDecoder.class"), classes.resolve("demo/decoder/PacketDecoder.class"));
        copy(Path.of("target/test-classes/offline/Main.class"), classes.resolve("offline/Main.class"));
    }

    @Test
    void a_directory_instrumented_offline_traces_what_the_agent_traces() throws Exception {
        String agent = run(List.of("-javaagent:" + System.getProperty("jkcov.agent.jar") + "=includes=demo.*:offline.*",
                "-cp", classes.toString(), "offline.Main"));
        assertTrue(agent.startsWith("ping ") && agent.split(" ").length > 4, agent);

        Path out = work.resolve("out");
        String summary = run(List.of("-jar", System.getProperty("jkcov.tools.jar"), "instrument", classes.toString(), out.toString()));
        assertTrue(summary.startsWith("instrumented 2 classes (0 unchanged, 0 failed) in "), summary);
        String offline = run(List.of("-cp", out + File.pathSeparator + System.getProperty("jkcov.runtime.jar"), "offline.Main"));
        assertEquals(agent, offline);

        // Every traced PC is in the PC table written beside the output.
        Set<Long> table;
        try (Reader r = Files.newBufferedReader(work.resolve("out.pctable"))) {
            table = PcTable.read(r).stream().map(PcEntry::pc).collect(Collectors.toSet());
        }
        for (String hex : Arrays.asList(offline.split(" ")).subList(1, offline.split(" ").length)) {
            assertTrue(table.contains(Long.parseUnsignedLong(hex, 16)), hex);
        }
    }

    @Test
    void a_jar_instrumented_offline_traces_what_the_agent_traces() throws Exception {
        Path jar = work.resolve("app.jar");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream o = new JarOutputStream(f);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                o.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                o.write(Files.readAllBytes(p));
                o.closeEntry();
            }
        }
        String agent = run(List.of("-javaagent:" + System.getProperty("jkcov.agent.jar") + "=includes=demo.*:offline.*",
                "-cp", jar.toString(), "offline.Main"));
        Path out = work.resolve("app-instrumented.jar");
        run(List.of("-jar", System.getProperty("jkcov.tools.jar"), "instrument", jar.toString(), out.toString()));
        String offline = run(List.of("-cp", out + File.pathSeparator + System.getProperty("jkcov.runtime.jar"), "offline.Main"));
        assertEquals(agent, offline);
    }

    /**
     * Classes are instrumented on every core, so this checks that the output does not depend on
     * which finished first: a real jar of a few hundred classes (picocli's, which the tools use),
     * instrumented twice, gives the same bytes, and its PC table lists the classes in the jar's
     * order, as the instrumenter run one class at a time gives it.
     */
    @Test
    void a_large_jar_gives_the_same_output_every_time_in_input_order() throws Exception {
        Path picocli = Path.of(picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path first = work.resolve("picocli-1.jar");
        Path second = work.resolve("picocli-2.jar");
        run(List.of("-jar", System.getProperty("jkcov.tools.jar"), "instrument", picocli.toString(), first.toString()));
        run(List.of("-jar", System.getProperty("jkcov.tools.jar"), "instrument", picocli.toString(), second.toString()));
        assertTrue(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(second)));
        assertEquals(Files.readString(work.resolve("picocli-1.jar.pctable")), Files.readString(work.resolve("picocli-2.jar.pctable")));

        List<PcEntry> expected = new ArrayList<>();
        Instrumenter instrumenter = new Instrumenter(Instrumenter.Clinit.SKIP);
        try (JarFile jar = new JarFile(picocli.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.getName().endsWith(".class")) continue;
                try (var in = jar.getInputStream(e)) {
                    expected.addAll(instrumenter.instrument(in.readAllBytes()).pcs());
                }
            }
        }
        assertTrue(expected.size() > 1000, "PCs: " + expected.size());
        try (Reader r = Files.newBufferedReader(work.resolve("picocli-1.jar.pctable"))) {
            assertEquals(expected, PcTable.read(r));
        }
    }

    @Test
    void a_missing_input_gets_one_line_and_exit_2() throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", System.getProperty("jkcov.tools.jar"), "instrument",
                work.resolve("nope").toString(), work.resolve("x").toString()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("jkcov instrument: no such jar or directory: " + work.resolve("nope") + "\n", err);
    }

    private static String run(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-Xshare:off"); // JDK 17's CDS warning when the agent appends to the boot path
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
