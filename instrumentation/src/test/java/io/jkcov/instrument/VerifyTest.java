package io.jkcov.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The JVM's own verifier on real instrumented code: every class of the jars on the test class
 * path (ASM's, JUnit's, opentest4j's: about a thousand classes of javac's output, constructors,
 * lambdas, long arithmetic, switches) is instrumented, defined, and linked, which runs the
 * type-checking verifier over every method and every frame the probes keep, relabel or add
 * (JDK classes from the boot loader are not verified, so {@link JdkImageTest} cannot show this).
 * {@link ClassCheck} compares frames at the level of int/long/reference; this compares
 * reference types too. Replacing the reference types of frames by {@code java/lang/Object}
 * makes a few hundred of these classes fail here and none in ClassCheck.
 */
class VerifyTest {

    @Test
    void every_class_of_the_test_class_path_jars_verifies_once_instrumented() throws IOException {
        List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.endsWith(".jar")).map(Path::of).toList();
        assertTrue(jars.size() >= 5, "expected ASM's and JUnit's jars on the class path: " + jars);
        Instrumenter instrumenter = new Instrumenter(Instrumenter.Clinit.SKIP);
        Map<String, byte[]> classes = new TreeMap<>();
        int gated = 0;
        for (Path jar : jars) {
            for (Map.Entry<String, byte[]> e : classesOf(jar).entrySet()) {
                Result r = instrumenter.instrument(e.getValue());
                // Unchanged ones too (interfaces without code), for the others to link against.
                if (classes.putIfAbsent(e.getKey(), r.changed() ? r.bytes() : e.getValue()) == null
                        && r.changed()) {
                    gated++;
                }
            }
        }
        JarLoader loader = new JarLoader(classes);
        Map<String, String> failures = new TreeMap<>();
        int linked = 0;
        int unresolvable = 0;
        for (String name : classes.keySet()) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                c.getDeclaredMethods(); // links the class: HotSpot verifies it here
                linked++;
            } catch (VerifyError | ClassFormatError e) {
                failures.put(name, e.toString());
            } catch (LinkageError | ClassNotFoundException e) {
                // an optional dependency the jar names but the class path lacks: not ours
                unresolvable++;
            }
        }
        System.out.printf("VerifyTest: %d jars, %d classes instrumented, %d linked and verified, "
                        + "%d need a class the class path lacks, %d failures%n",
                jars.size(), gated, linked, unresolvable, failures.size());
        StringBuilder report = new StringBuilder();
        failures.entrySet().stream().limit(20).forEach(e ->
                report.append('\n').append(e.getKey()).append(": ").append(e.getValue()));
        assertEquals(0, failures.size(), failures.size() + " classes fail verification:" + report);
        assertTrue(linked > 1000, "too few classes linked: " + linked);
    }

    private static Map<String, byte[]> classesOf(Path jar) {
        Map<String, byte[]> out = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> en = file.entries(); en.hasMoreElements(); ) {
                JarEntry e = en.nextElement();
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    out.put(n.substring(0, n.length() - 6).replace('/', '.'),
                            file.getInputStream(e).readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Defines the instrumented classes itself; everything else comes from the platform loader,
     * except jkcov's runtime, from the test's loader. So the verifier loads the instrumented
     * version of every class it needs for an assignability check.
     */
    private static final class JarLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        JarLoader(Map<String, byte[]> classes) {
            super("instrumented-jars", ClassLoader.getPlatformClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.jkcov.")) {
                return VerifyTest.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
