package io.jkcov.validation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** JDK homes to run a suite on. */
final class Jdks {
    private Jdks() {}

    /**
     * The homes listed (separated by commas, blanks or the path separator), or the running JDK
     * when none is. A listed home without {@code bin/java} is an error, not skipped: whoever
     * names a JDK wants it run.
     */
    static Stream<Path> of(String list) {
        List<Path> homes = new ArrayList<>();
        for (String s : list.split("[,\\s" + File.pathSeparator + "]+")) {
            if (s.isEmpty()) continue;
            Path p = Path.of(s);
            if (!Files.isExecutable(p.resolve("bin/java"))) throw new IllegalArgumentException("not a JDK home: " + p);
            if (!homes.contains(p)) homes.add(p);
        }
        if (homes.isEmpty()) homes.add(Path.of(System.getProperty("java.home")));
        return homes.stream();
    }

    /** Feature release of a JDK home, from its {@code release} file. */
    static int feature(Path home) {
        try {
            for (String l : Files.readAllLines(home.resolve("release"))) {
                if (l.startsWith("JAVA_VERSION=")) {
                    return Integer.parseInt(l.substring("JAVA_VERSION=".length()).replace("\"", "").split("[.+-]")[0]);
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return Runtime.version().feature();
    }
}
