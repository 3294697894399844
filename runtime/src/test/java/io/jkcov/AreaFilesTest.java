package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Area files do not outlive their JVM: an area never closed is deleted at exit, and one left by
 * a JVM killed with SIGKILL is deleted by the next JVM that makes an area in the same place.
 * Real JVMs, each with {@code -Djkcov.dir} pointing at a fresh directory.
 */
class AreaFilesTest {

    @TempDir
    Path base;

    private Process start() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Djkcov.dir=" + base, "-cp", System.getProperty("java.class.path"),
                AreaLeftBehind.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Path areaDir(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return Path.of(out.readLine());
    }

    @Test
    void an_area_never_closed_is_deleted_at_exit() throws Exception {
        Process p = start();
        Path dir = areaDir(p);
        assertTrue(dir.getFileName().toString().startsWith("jkcov-" + p.pid() + "-"), dir.toString());
        assertTrue(Files.exists(dir.resolve("area")));
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertFalse(Files.exists(dir), dir + " is left behind");
    }

    @Test
    void the_area_of_a_killed_jvm_is_deleted_by_the_next_one() throws Exception {
        Process killed = start();
        Path left = areaDir(killed);
        killed.destroyForcibly();
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(left.resolve("area")), "SIGKILL runs no hook");
        // A directory of another kind is not jkcov's to delete, whatever its name looks like.
        Path other = Files.createDirectory(base.resolve("jkcov-notapid-x"));

        Process next = start();
        Path mine = areaDir(next);
        assertFalse(Files.exists(left), left + " was not swept");
        assertTrue(Files.exists(mine.resolve("area")));
        assertTrue(Files.exists(other));
        next.getOutputStream().close();
        assertTrue(next.waitFor(30, TimeUnit.SECONDS));
    }
}
