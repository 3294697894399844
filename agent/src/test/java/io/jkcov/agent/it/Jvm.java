package io.jkcov.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Launches a real JVM (one of {@link Jdks}) and collects its exit status and output. */
public final class Jvm {
    /** Generous: a JVM with jdk=true retransforms hundreds of classes at start. */
    private static final long TIMEOUT_SECONDS = 180;

    private final Path home;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private final List<String> args = new ArrayList<>();

    private Jvm(Path home) {
        this.home = home;
    }

    public static Jvm on(Path home) {
        return new Jvm(home);
    }

    /** {@code -javaagent:<jkcov jar>[=options]} */
    public Jvm jkcov(String options) {
        String a = "-javaagent:" + Paths.agentJar();
        jvmArgs.add(options == null || options.isEmpty() ? a : a + "=" + options);
        return this;
    }

    public Jvm jvmArg(String a) {
        jvmArgs.add(a);
        return this;
    }

    public Jvm cp(Path p) {
        classPath.add(p.toString());
        return this;
    }

    public Jvm main(String mainClass, String... a) {
        args.add(mainClass);
        args.addAll(List.of(a));
        return this;
    }

    public Outcome run() {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/java").toString());
        cmd.addAll(jvmArgs);
        if (!classPath.isEmpty()) {
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, classPath));
        }
        cmd.addAll(args);
        try {
            Path dir = Files.createTempDirectory(Paths.work(), "jvm-");
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("timed out (deadlock?) after " + TIMEOUT_SECONDS + " s: " + cmd
                        + "\nstderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Outcome(cmd, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public record Outcome(List<String> command, int exit, String stdout, String stderr) {
        /** Fails with everything a person needs to see, unless the JVM exited 0. */
        public Outcome ok() {
            if (exit != 0) throw new AssertionError(this.describe());
            return this;
        }

        public String describe() {
            return "command: " + String.join(" ", command) + "\nexit: " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }

        /** stderr lines that start with "jkcov:". */
        public List<String> jkcovLines() {
            return stderr.lines().filter(l -> l.startsWith("jkcov:")).toList();
        }
    }
}
