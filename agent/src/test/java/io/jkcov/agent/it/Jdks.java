package io.jkcov.agent.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JDKs every process test runs on: the running one, and each of {@code jkcov.test.jdks} that exists. */
public final class Jdks {
    private Jdks() {}

    public static Stream<Path> all() {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        String extra = System.getProperty("jkcov.test.jdks", "");
        for (String s : extra.split("[,\\s" + File.pathSeparator + "]+")) {
            if (s.isEmpty()) continue;
            Path p = Path.of(s);
            if (Files.isExecutable(p.resolve("bin/java")) && !homes.contains(p)) homes.add(p);
        }
        return homes.stream();
    }

    /** Feature release of a JDK home, from its {@code release} file. */
    public static int feature(Path home) {
        try {
            for (String l : Files.readAllLines(home.resolve("release"))) {
                if (l.startsWith("JAVA_VERSION=")) {
                    String v = l.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return Runtime.version().feature();
    }
}
