package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jkcov.testing.Jdks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule 3 of the hot path, shown at run time: the first calls of every entry point in a fresh
 * JVM, while tracing, load no class (the static check in NoinstrTest shows it for the code;
 * this shows the VarHandle call sites really were linked ahead of time).
 */
class NoClassLoadingTest {

    static java.util.List<Path> javas() {
        return Jdks.javas();
    }

    @ParameterizedTest
    @MethodSource("javas")
    void first_calls_of_the_entry_points_load_no_class(Path java) throws Exception {
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java.toString(), "-Xshare:auto", "-cp", cp, FirstCallLoadsNoClass.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        // 9 records: cmp4, constCmp4, three lcmps, one switch case and three table cases; the
        // comparison made while paused is not recorded.
        assertEquals("cmp 9 pc 2 sum -3 loaded 0", out);
    }
}
