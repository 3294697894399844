package io.jkcov.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {

    @TempDir
    Path dir;

    private Path area(long... words) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) b.putLong(w);
        Path file = Files.createTempFile(dir, "trace", ".kcov");
        Files.write(file, b.array());
        return file;
    }

    @Test
    void pcs_are_never_small_so_a_first_word_above_7_means_trace_pc() throws Exception {
        Trace t = Trace.read(area(2, 0x9e3779b97f4a7c15L, 0x1234L, 0, 0, 0, 0, 0, 0), null);
        assertEquals(TraceMode.PC, t.mode());
        assertEquals(3, t.words().limit(), "the count word and the counted PCs; the rest of the area is not read");
    }

    @Test
    void records_whose_type_words_are_all_at_most_7_are_trace_cmp() throws Exception {
        Trace t = Trace.read(area(2, 5, 0x8, 0x3, 0xabc, 4, 1, 2, 0xdef, 0), null);
        assertEquals(TraceMode.CMP, t.mode());
        assertEquals(9, t.words().limit());
    }

    @Test
    void one_large_type_word_makes_it_a_pc_trace() throws Exception {
        assertEquals(TraceMode.PC, Trace.read(area(2, 5, 0x8, 0x3, 0xabc, 0x77777777L, 1, 2, 0xdef), null).mode());
    }

    @Test
    void an_empty_trace_is_called_trace_pc_unless_told() throws Exception {
        assertEquals(TraceMode.PC, Trace.read(area(0, 0, 0), null).mode());
        assertEquals(TraceMode.CMP, Trace.read(area(0, 0, 0), TraceMode.CMP).mode());
    }

    @Test
    void a_count_beyond_the_file_is_truncation_in_the_mode_detected() throws Exception {
        Path cmp = area(3, 5, 0x8, 0x3, 0xabc, 4, 1, 2);
        assertEquals(cmp + " is truncated: its count says 3 records (TRACE_CMP) but it holds 1",
                assertThrows(ReportException.class, () -> Trace.read(cmp, null)).getMessage());
        Path pc = area(-1, 0x9e3779b97f4a7c15L);
        assertEquals(pc + " is truncated: its count says 18446744073709551615 PCs (TRACE_PC) but it holds 1",
                assertThrows(ReportException.class, () -> Trace.read(pc, null)).getMessage());
    }

    @Test
    void a_partial_last_word_is_not_a_word() throws Exception {
        Path file = area(2, 0x9e3779b97f4a7c15L, 0x1234L);
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 20));
        assertEquals(file + " is truncated: its count says 2 PCs (TRACE_PC) but it holds 1",
                assertThrows(ReportException.class, () -> Trace.read(file, null)).getMessage());
    }
}
