package io.jkcov.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the process tests share: the JDKs they run on, and a command run to its end. */
final class Processes {
    private Processes() {}

    /** How a process ended: exit status, standard output, standard error. */
    record Outcome(int exit, String out, String err) {}

    /** The java of the JDK running the tests. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** That java, then each JDK of -Djkcov.test.jdks that is installed (Temurin 25), once each. */
    static Stream<Path> javas() {
        List<Path> out = new ArrayList<>();
        out.add(java());
        for (String home : System.getProperty("jkcov.test.jdks", "").split(":")) {
            Path java = Path.of(home, "bin", "java");
            if (!home.isBlank() && Files.isExecutable(java) && !out.contains(java)) out.add(java);
        }
        return out.stream();
    }

    /** The tools jar's command line on {@code java}, as the ./jkcov launcher builds it. */
    static List<String> jkcov(Path java, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java.toString(),
                "-Djkcov.agent=" + System.getProperty("jkcov.agent.jar"), "-jar", System.getProperty("jkcov.tools.jar")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs {@code cmd} with {@code stdin} as its input, to its end (60 s at most). */
    static Outcome run(List<String> cmd, String stdin) throws Exception {
        Path err = Files.createTempFile("jkcov-it", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
            return new Outcome(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
