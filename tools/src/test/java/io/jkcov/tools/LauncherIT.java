package io.jkcov.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ./jkcov launcher's class-data-sharing archive (docs/performance-whole-process.md,
 * "Start-up"): made on a command's first use, used after, remade when the tools jar is newer,
 * and never visible in the command's output or exit status.
 */
class LauncherIT {

    static Stream<Path> javas() {
        return Processes.javas();
    }

    @ParameterizedTest
    @MethodSource("javas")
    void the_archive_changes_nothing_a_command_prints(Path java) throws Exception {
        Path root = Path.of(System.getProperty("jkcov.tools.jar")).toAbsolutePath().getParent().getParent().getParent();
        Path home = java.toRealPath().getParent().getParent();
        String version = Files.readAllLines(home.resolve("release")).stream()
                .filter(l -> l.startsWith("JAVA_RUNTIME_VERSION=")).findFirst().orElseThrow()
                .substring("JAVA_RUNTIME_VERSION=".length()).replace("\"", "");
        Path archive = root.resolve("tools/target/cds/" + home.toString().replace('/', '_') + "-" + version + "/instrument.jsa");
        Files.deleteIfExists(archive);
        Path work = Files.createTempDirectory("jkcov-launcher");
        Path classes = work.resolve("classes/demo/decoder/PacketDecoder.class");
        Files.createDirectories(classes.getParent());
        Files.copy(Path.of("target/classes/demo/decoder/PacketDecoder.class"), classes);

        // Without the archive (as before it existed), making it, using it.
        String expected = "instrumented 1 classes (0 unchanged, 0 failed) in T s: OUT\nPC table: OUT.pctable\n";
        assertEquals(expected, instrument(root, java, work, "off", "0"));
        assertFalse(Files.exists(archive), archive.toString());
        assertEquals(expected, instrument(root, java, work, "first", null));
        assertTrue(Files.size(archive) > 0, archive.toString());
        FileTime made = Files.getLastModifiedTime(archive);
        assertEquals(expected, instrument(root, java, work, "again", null));
        assertEquals(made, Files.getLastModifiedTime(archive), "used, not remade");

        // An archive older than the tools jar (a rebuild) is remade, quietly.
        Files.setLastModifiedTime(archive, FileTime.fromMillis(0));
        assertEquals(expected, instrument(root, java, work, "stale", null));
        assertTrue(Files.getLastModifiedTime(archive).toMillis() > 0, "remade");
        try (Stream<Path> left = Files.list(archive.getParent())) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("instrument.jsa.jar"), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".classlist") || n.matches(".*\\.jsa\\.\\d+")),
                    "no temporary files left: " + names);
        }

        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** {@code ./jkcov instrument} with {@code java} first on the PATH; its output, T for its time. */
    private static String instrument(Path root, Path java, Path work, String name, String cds) throws Exception {
        Path out = work.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("jkcov").toString(), "instrument",
                work.resolve("classes").toString(), out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("PATH", java.getParent() + ":" + env.get("PATH"));
        env.remove("JKCOV_JAVA_OPTS");
        if (cds != null) env.put("JKCOV_CDS", cds);
        else env.remove("JKCOV_CDS");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String stdout = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), name + ": " + Files.readString(err));
        assertEquals("", Files.readString(err), name);
        return stdout.replace(out.toString(), "OUT").replaceAll(" in [0-9.]+ s:", " in T s:");
    }
}
