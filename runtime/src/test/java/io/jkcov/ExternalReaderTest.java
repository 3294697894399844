package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Trace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real second process, written in C and built with gcc here, maps {@link Kcov#areaFile()}
 * while this JVM records, and reads the same count and entries (kcov-model.md section 2).
 */
class ExternalReaderTest {

    private static Path reader;

    @BeforeAll
    static void buildReader() throws Exception {
        reader = Path.of("target", "kcov_reader").toAbsolutePath();
        Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", reader.toString(),
                "src/test/c/kcov_reader.c").inheritIO().start();
        assertEquals(0, gcc.waitFor(), "gcc must build the C reader");
    }

    @Test
    void a_c_process_reads_the_live_area_and_can_reset_it() throws Exception {
        final int pcs = 1_000_000;
        final long base = 0x7000_0000_0000L;
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(pcs + 1);
            Process p = new ProcessBuilder(reader.toString(), kcov.areaFile().toString(), Long.toString(pcs + 1))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (PrintWriter to = new PrintWriter(p.getOutputStream(), true, StandardCharsets.US_ASCII);
                    BufferedReader from = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
                assertEquals("ok mapped", from.readLine());

                assertEquals("ok file 600 dir 700 size " + (pcs + 1) * 8L, ask(to, from, "stat"));
                assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(kcov.areaFile()));
                assertEquals(PosixFilePermissions.fromString("rwx------"),
                        Files.getPosixFilePermissions(kcov.areaFile().getParent()));

                // The reader polls while this thread records in bursts, checking every counted
                // entry as soon as the count covers it.
                to.println("pc " + pcs + " " + base);
                kcov.enable(Mode.TRACE_PC);
                for (int i = 1; i <= pcs; i++) {
                    Trace.pc(base + i);
                    if (i % 20_000 == 0) Thread.sleep(1);
                }
                String seen = from.readLine();
                assertTrue(seen.startsWith("ok count " + pcs), seen);
                long growths = Long.parseLong(seen.substring(seen.lastIndexOf(' ') + 1));
                assertTrue(growths > 1, "the reader saw the count grow while recording: " + seen);

                // The reader starts a new trace while tracing stays enabled.
                assertEquals("ok reset", ask(to, from, "reset"));
                assertEquals(0, kcov.count());
                for (int i = 1; i <= 1000; i++) Trace.pc(0x42_0000 + i);
                assertEquals("ok count 1000 polls 1 growths 1", ask(to, from, "pc 1000 " + 0x42_0000));
                kcov.disable();

                kcov.enable(Mode.TRACE_CMP);
                kcov.reset();
                for (int i = 0; i < 1000; i++) Trace.constCmp4(i, ~i, 0x100 + i);
                assertEquals("ok cmp 1000", ask(to, from, "cmp 1000"));

                // The same for CMP records, in a loop long enough for the JIT to compile: each
                // record's four words are in memory before the count that covers it.
                kcov.reset();
                final int records = pcs / 4;
                to.println("cmplive " + records);
                for (int i = 0; i < records; i++) {
                    Trace.constCmp4(i, ~i, 0x100 + i);
                    if (i % 5_000 == 0) Thread.sleep(1);
                }
                seen = from.readLine();
                assertTrue(seen.startsWith("ok count " + records), seen);
                kcov.disable();
            } finally {
                p.getOutputStream().close();
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue());
            }
        }
    }

    @Test
    void the_area_file_lives_in_a_private_directory_and_goes_away_on_close() throws IOException {
        Path file;
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(1024);
            file = kcov.areaFile();
            assertTrue(Files.isRegularFile(file));
            assertEquals(1024 * 8, Files.size(file));
            assertEquals(List.of(file), Files.list(file.getParent()).toList(), "nothing else in the directory");
        }
        assertTrue(Files.notExists(file.getParent()));
    }

    private static String ask(PrintWriter to, BufferedReader from, String command) throws IOException {
        to.println(command);
        return from.readLine();
    }
}
