package io.jkcov.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code // #tag} comments of a target source: tag to line number, so that tests name lines
 * instead of hard-coding them. Surefire runs in the module directory, where the sources are.
 */
final class Markers {

    private static final Pattern TAG = Pattern.compile("#([\\w.\\-]+)");
    private static final Map<Class<?>, Map<String, Integer>> CACHE = new HashMap<>();

    private Markers() {}

    /** The line of {@code tag} in the source of {@code target}; fails if absent. */
    static synchronized int line(Class<?> target, String tag) {
        Integer line = CACHE.computeIfAbsent(target, Markers::read).get(tag);
        if (line == null) {
            throw new IllegalArgumentException("no // #" + tag + " in " + target.getSimpleName());
        }
        return line;
    }

    private static Map<String, Integer> read(Class<?> target) {
        Path source = Path.of("src/test/java", target.getName().replace('.', '/') + ".java");
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> tags = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int comment = text.indexOf("//");
            if (comment < 0) {
                continue;
            }
            Matcher m = TAG.matcher(text.substring(comment));
            while (m.find()) {
                if (tags.put(m.group(1), i + 1) != null) {
                    throw new IllegalStateException("tag #" + m.group(1) + " twice in " + source);
                }
            }
        }
        return tags;
    }
}
