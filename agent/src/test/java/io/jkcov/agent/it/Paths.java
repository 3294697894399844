package io.jkcov.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the build hands the process tests (agent pom, failsafe systemPropertyVariables). */
public final class Paths {
    private Paths() {}

    public static Path agentJar() {
        return existing("jkcov.agent.jar");
    }

    public static Path runtimeJar() {
        return existing("jkcov.runtime.jar");
    }

    public static Path itDeps() {
        return existing("jkcov.it.deps");
    }

    public static Path asm92() {
        return itDeps().resolve("asm-" + System.getProperty("jkcov.it.asm.version") + ".jar");
    }

    public static Path jacocoAgent() {
        return itDeps().resolve("jacocoagent.jar");
    }

    public static Path targetSources() {
        return existing("jkcov.it.targets");
    }

    public static Path work() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("jkcov.it.work", "target/it-work")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path existing(String property) {
        String v = System.getProperty(property);
        if (v == null) throw new IllegalStateException(property + " is not set: run the process tests with `mvn verify`");
        Path p = Path.of(v);
        if (!Files.exists(p)) throw new IllegalStateException(property + ": " + p + " does not exist");
        return p;
    }
}
