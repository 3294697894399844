package io.jkcov.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * Area files do not outlive their JVM, as a KCOV area does not outlive its descriptor. An area
 * lives on /dev/shm, which is memory: one left behind holds its RAM until someone deletes it.
 * So the directories of areas never closed are deleted by a shutdown hook, and those of JVMs
 * that died without running hooks (SIGKILL, a crash) by the next JVM that makes an area in the
 * same place: their names carry the pid, {@code jkcov-<pid>-<random>}.
 */
final class AreaFiles {

    static final String PREFIX = "jkcov-";

    private static final Set<Path> LIVE = new HashSet<>();
    private static final Set<Path> SWEPT = new HashSet<>();
    private static boolean hooked;

    private AreaFiles() {}

    /**
     * Makes a private directory for a new area in {@code base}, {@code jkcov-<pid>-<random>},
     * deleted at exit unless {@link #remove}d first. The first time in a {@code base}, deletes
     * what dead JVMs left there.
     */
    static Path create(Path base) throws IOException {
        sweep(base);
        Path dir = Files.createTempDirectory(base, PREFIX + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        made(dir);
        return dir;
    }

    /** Deletes an area directory made by {@link #create}; the exit hook forgets it. */
    static synchronized void remove(Path dir) {
        delete(dir);
        LIVE.remove(dir);
    }

    private static synchronized void sweep(Path base) {
        if (!SWEPT.add(base)) return;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*-*")) {
            for (Path dir : dirs) {
                long pid = pidOf(dir.getFileName().toString());
                if (pid > 0 && ProcessHandle.of(pid).isEmpty() && mine(dir)) delete(dir);
            }
        } catch (IOException | RuntimeException e) {
            // Only housekeeping: another user's directory, or one deleted under us.
        }
    }

    /** Only this user's: root could delete anyone's, and a dead JVM of another user is theirs to sweep. */
    private static boolean mine(Path dir) throws IOException {
        return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
    }

    private static synchronized void made(Path dir) {
        LIVE.add(dir);
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(AreaFiles::deleteLive, "jkcov-area-files"));
        }
    }

    /** At exit: the mappings stay valid after the unlink, so a hook still reading one is unaffected. */
    private static synchronized void deleteLive() {
        for (Path dir : LIVE) delete(dir);
        LIVE.clear();
    }

    /** Deletes an area directory: its one file, then itself. */
    private static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("area"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Nothing is lost: the area is only memory, and the directory is private.
        }
    }

    /** The pid in {@code jkcov-<pid>-<random>}, or -1 for other names (older jkcov's included). */
    static long pidOf(String name) {
        int dash = name.indexOf('-', PREFIX.length());
        if (!name.startsWith(PREFIX) || dash < 0) return -1;
        try {
            return Long.parseLong(name.substring(PREFIX.length(), dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
