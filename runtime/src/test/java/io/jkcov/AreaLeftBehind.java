package io.jkcov;

import java.nio.file.Files;

/**
 * Run in a JVM of its own by {@link AreaFilesTest}: makes an area, never closes it, prints the
 * area's directory, then waits for stdin to close before exiting (or is killed meanwhile).
 */
public final class AreaLeftBehind {
    public static void main(String[] args) throws Exception {
        Kcov kcov = Kcov.open();
        kcov.initTrace(1024);
        System.out.println(kcov.areaFile().getParent());
        System.out.flush();
        System.in.read();
        System.out.println(Files.exists(kcov.areaFile()) ? "still there" : "gone");
    }
}
