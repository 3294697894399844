package io.jkcov.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDKs the process tests run on: the one running the tests, and each home listed (by
 * ':') in the system property {@code jkcov.test.jdks} that exists on this machine.
 */
public final class Jdks {
    private Jdks() {}

    /** The {@code java} launchers to test with; the running JDK's first. */
    public static List<Path> javas() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of(System.getProperty("java.home"), "bin", "java"));
        String extra = System.getProperty("jkcov.test.jdks", "");
        for (String home : extra.split(":")) {
            if (home.isBlank()) continue;
            Path java = Path.of(home, "bin", "java");
            if (Files.isExecutable(java) && !out.contains(java)) out.add(java);
        }
        return out;
    }
}
