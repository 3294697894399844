package io.jkcov.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The validation targets in src/test/targets, compiled once per test JVM with {@code --release
 * 17} (so every JDK under test runs them) against the runtime jar and the application's ASM 9.2.
 * Source lines carry markers ({@code // @name}) the tests use to name expected lines.
 */
public final class Targets {
    private static Path classes;

    private Targets() {}

    public static synchronized Path classes() {
        if (classes != null) return classes;
        try {
            Path out = Paths.work().resolve("target-classes");
            Files.createDirectories(out);
            List<String> args = new ArrayList<>(List.of("--release", "17", "-g", "-nowarn", "-d", out.toString(),
                    "-cp", Paths.runtimeJar() + java.io.File.pathSeparator + Paths.asm92()));
            try (Stream<Path> s = Files.walk(Paths.targetSources())) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, args.toArray(new String[0]));
            if (rc != 0) throw new IllegalStateException("javac failed: " + rc);
            classes = out;
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String className) {
        try {
            return Files.readAllBytes(classes().resolve(className.replace('.', '/') + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line number of {@code // @marker} in a target's source. */
    public static int line(String className, String marker) {
        try {
            Path src = Paths.targetSources().resolve(className.replace('.', '/') + ".java");
            List<String> lines = Files.readAllLines(src);
            Pattern p = Pattern.compile("//\\s*@" + Pattern.quote(marker) + "\\b");
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i));
                if (m.find()) return i + 1;
            }
            throw new IllegalArgumentException("no marker @" + marker + " in " + src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
