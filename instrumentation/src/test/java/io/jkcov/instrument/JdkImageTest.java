package io.jkcov.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Instruments every class of a JDK runtime image in memory, checks each result with
 * {@link ClassCheck}, and measures PC collisions (kcov-model.md section 6). The running JDK's
 * image, and also Temurin 25's when installed, so class-file versions 61 and 69 are both covered.
 */
class JdkImageTest {

    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /**
     * Classes allowed to fail ClassCheck, each with its reason. Empty: every class of both
     * images passes. A new entry needs a comment saying why the failure is not ours.
     */
    private static final Map<String, String> ALLOWED_FAILURES = Map.of();

    /**
     * Classes whose ORIGINAL CheckClassAdapter already rejects, so that step is skipped for them
     * (the Analyzer and frame checks still run). jlink's generate-jli-classes plugin writes
     * these top-level classes with ACC_PRIVATE (access 0x32), which JVMS 4.1 does not list for a
     * class, so CheckClassAdapter says "Invalid access flags: 50"; the JVM ignores the bit.
     * {@link #exemptions_are_still_needed} keeps this list honest.
     */
    static final Map<String, String> NOT_WELL_FORMED_ORIGINALS = Map.of(
            "java/lang/invoke/DelegatingMethodHandle$Holder", "ACC_PRIVATE top-level class, from jlink",
            "java/lang/invoke/DirectMethodHandle$Holder", "ACC_PRIVATE top-level class, from jlink",
            "java/lang/invoke/Invokers$Holder", "ACC_PRIVATE top-level class, from jlink",
            "java/lang/invoke/LambdaForm$Holder", "ACC_PRIVATE top-level class, from jlink");

    @Test
    void exemptions_are_still_needed() throws IOException {
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of())) {
            for (String name : NOT_WELL_FORMED_ORIGINALS.keySet()) {
                byte[] original = Files.readAllBytes(jrt.getPath("/modules/java.base", name + ".class"));
                List<String> problems = ClassCheck.problems(original, original, true);
                assertTrue(problems.stream().anyMatch(p -> p.startsWith("CheckClassAdapter")),
                        name + " passes CheckClassAdapter now: drop its exemption");
            }
        }
    }

    @Test
    void every_class_of_the_running_jdk_instruments_and_verifies() throws IOException {
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of())) {
            check("running JDK " + Runtime.version() + " (" + System.getProperty("java.home") + ")", jrt);
        }
    }

    @Test
    void every_class_of_temurin_25_instruments_and_verifies() throws IOException {
        if (!Files.isDirectory(TEMURIN_25)
                || Path.of(System.getProperty("java.home")).toRealPath().equals(TEMURIN_25.toRealPath())) {
            System.out.println("JdkImageTest: " + TEMURIN_25 + " absent or running; skipped");
            return;
        }
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"),
                Map.of("java.home", TEMURIN_25.toString()))) {
            check("Temurin 25 (" + TEMURIN_25 + ")", jrt);
        }
    }

    private static void check(String image, FileSystem jrt) throws IOException {
        long start = System.nanoTime();
        List<Path> classes;
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
            // distinct: one run of this test on JDK 17 saw the walk list 4 class files twice
            // (not reproduced outside it); count every path once.
            classes = files.filter(p -> p.toString().endsWith(".class"))
                    .map(Path::toString).distinct().map(jrt::getPath).toList();
        }
        Instrumenter instrumenter = new Instrumenter(Instrumenter.Clinit.SKIP);
        Map<String, List<String>> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> unchanged = new ConcurrentHashMap<>();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Set<String> distinctClasses = ConcurrentHashMap.newKeySet();
        List<long[]> pcsByClass = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger instrumented = new AtomicInteger();
        AtomicInteger versions69 = new AtomicInteger();

        classes.parallelStream().forEach(path -> {
            byte[] bytes = read(path);
            Result r = instrumenter.instrument(bytes);
            if (!r.changed()) {
                unchanged.computeIfAbsent(r.reason().replaceAll("\\(.*\\)", "(...)"),
                        k -> new AtomicInteger()).incrementAndGet();
                if (r.reason().startsWith("cannot instrument")) {
                    failures.put(path.toString(), List.of(r.reason()));
                }
                return;
            }
            instrumented.incrementAndGet();
            if ((bytes[7] & 0xFF) == 69) {
                versions69.incrementAndGet();
            }
            warnings.addAll(r.warnings());
            String name = path.toString().replaceFirst("^/modules/[^/]+/", "").replace(".class", "");
            List<String> problems = ClassCheck.problems(bytes, r.bytes(),
                    !NOT_WELL_FORMED_ORIGINALS.containsKey(name));
            if (!problems.isEmpty()) {
                failures.put(path.toString(), problems);
            }
            // Identical class files (the same bytes at two paths) share PCs by design; count once.
            if (distinctClasses.add(sha256(bytes))) {
                pcsByClass.add(r.pcs().stream().mapToLong(PcEntry::pc).toArray());
            }
        });

        long[] all = pcsByClass.stream().flatMapToLong(Arrays::stream).toArray();
        long distinct = distinct(all);
        ALL_IMAGES.add(all);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("JdkImageTest: %s: %d class files, %d instrumented (%d of version 69), "
                        + "unchanged %s, %d methods left alone for size, %d failing ClassCheck; "
                        + "%d PCs from %d distinct class files, %d distinct, %d collisions; %d s%n",
                image, classes.size(), instrumented.get(), versions69.get(), new TreeMap<>(unchanged),
                warnings.size(), failures.size(), all.length, distinctClasses.size(), distinct,
                all.length - distinct, seconds);
        warnings.forEach(w -> System.out.println("JdkImageTest:   warning: " + w));

        Map<String, List<String>> unexpected = new TreeMap<>(failures);
        unexpected.keySet().removeAll(ALLOWED_FAILURES.keySet());
        StringBuilder report = new StringBuilder();
        unexpected.entrySet().stream().limit(20).forEach(e ->
                report.append('\n').append(e.getKey()).append(": ").append(e.getValue()));
        assertEquals(0, unexpected.size(), unexpected.size() + " classes fail:" + report);
        assertTrue(instrumented.get() > 10_000, "too few classes instrumented: " + instrumented);
        assertEquals(all.length, distinct, "PC collisions");
    }

    /** Sorts pcs and counts its distinct values. */
    private static long distinct(long[] pcs) {
        Arrays.sort(pcs);
        long distinct = pcs.length == 0 ? 0 : 1;
        for (int i = 1; i < pcs.length; i++) {
            if (pcs[i] != pcs[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /** The PCs of every image checked, for a collision count over all of them. */
    private static final List<long[]> ALL_IMAGES = Collections.synchronizedList(new ArrayList<>());

    @AfterAll
    static void collisions_over_every_image_checked() {
        if (ALL_IMAGES.size() < 2) {
            return;
        }
        long[] all = ALL_IMAGES.stream().flatMapToLong(Arrays::stream).toArray();
        long distinct = distinct(all);
        System.out.printf("JdkImageTest: all %d images: %d PCs, %d distinct, %d collisions%n",
                ALL_IMAGES.size(), all.length, distinct, all.length - distinct);
        // Class files of two JDK releases differ (their version bytes at least), so any repeat
        // would be a collision between different bytes.
        assertEquals(all.length, distinct, "PC collisions across images");
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return Arrays.toString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
