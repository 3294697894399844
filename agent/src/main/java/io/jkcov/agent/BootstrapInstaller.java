package io.jkcov.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarFile;

/**
 * Puts the runtime (io.jkcov.*, io.jkcov.internal.*) on the bootstrap class path, once.
 *
 * <p>Why the bootstrap path: instrumented code in every class loader, JDK classes included
 * ({@code jdk=true}), must resolve {@code io/jkcov/internal/Trace} to one class with one state.
 * Every loader that delegates parent-first ends at the bootstrap loader, so a program compiled
 * against the runtime jar talks to the same {@code Kcov} state whether or not that jar is also on
 * its class path. JDK classes in named modules can read the bootstrap loader's unnamed module
 * because the JVM adds that edge when an agent transforms them
 * ({@code jdk.internal.module.Modules.transformedByAgent}).
 *
 * <p>Why a nested jar rather than {@code Boot-Class-Path}: that manifest attribute names a file
 * relative to the agent jar, so the runtime would ship as a second file that must travel with the
 * agent; and pointing it at the agent jar itself would put the shaded ASM and the agent on the
 * bootstrap path, visible to every class. The nested jar keeps one file to ship and only the
 * runtime on the bootstrap path. The cost is a private temporary copy per JVM.
 */
final class BootstrapInstaller {

    /** The resource, next to this class, that the build fills with the runtime jar. */
    static final String RESOURCE = "jkcov-runtime.jar";
    /** A runtime class that exists in every version: the probe for "already installed". */
    static final String PROBE = "io.jkcov.internal.Trace";

    private BootstrapInstaller() {}

    static void install(Instrumentation inst) throws IOException {
        // Installed already: a second -javaagent of jkcov, or -Xbootclasspath/a with the runtime.
        // A second copy on the path would be shadowed and merely waste a file.
        if (onBootstrapPath()) return;
        Path dir = Files.createTempDirectory("jkcov-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path jar = dir.resolve(RESOURCE);
        // Registered dir first: deleteOnExit deletes in reverse order, so the file goes first.
        dir.toFile().deleteOnExit();
        jar.toFile().deleteOnExit();
        try (InputStream in = BootstrapInstaller.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("jkcov: the agent jar lacks " + RESOURCE
                        + " (built without the package phase?)");
            }
            Files.copy(in, jar);
        }
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("r--------"));
        try (JarFile jf = new JarFile(jar.toFile())) {
            // The JVM keeps its own handle; ours is only the argument.
            inst.appendToBootstrapClassLoaderSearch(jf);
        }
        if (!onBootstrapPath()) {
            throw new IllegalStateException("jkcov: the runtime is not on the bootstrap class path after appending " + jar);
        }
    }

    /** Looks the probe class up in the bootstrap loader only (loader argument null). */
    static boolean onBootstrapPath() {
        try {
            Class.forName(PROBE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
