package io.jkcov.tools.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --sources} directories: a class's source is {@code DIR/package/File.java} in the
 * first directory that has it, the layout of Maven, Gradle and javac's {@code -d}.
 */
final class Sources {
    private final List<Path> roots;

    Sources(List<Path> roots) {
        this.roots = roots;
    }

    /** The source file, or null if no root has it (or the class names none). */
    Path find(String packageName, String file) {
        if (file == null || file.contains("/") || file.equals("..")) {
            return null;
        }
        for (Path root : roots) {
            Path p = root.resolve(relative(packageName, file));
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** {@code com/example/Foo.java}: where a tool expects the file under a source root. */
    static String relative(String packageName, String file) {
        return packageName.isEmpty() ? file : packageName + "/" + file;
    }
}
