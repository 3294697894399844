package io.jkcov.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.targets.Branches;
import example.targets.Switches;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The on-disk PC table of docs/pc-table.md. */
class PcTableTest {

    private static List<PcEntry> pcsOf(Class<?> target) {
        return new Instrumenter(Instrumenter.Clinit.SKIP).instrument(Instrumented.bytesOf(target)).pcs();
    }

    @Test
    void a_table_reads_back_as_written() throws IOException {
        List<PcEntry> entries = pcsOf(Branches.class);
        StringWriter out = new StringWriter();
        PcTable.write(out, entries);
        assertTrue(out.toString().startsWith("# jkcov pctable 1\n"), out::toString);
        assertEquals(entries, PcTable.read(new StringReader(out.toString())));
    }

    @Test
    void the_format_is_the_documented_one() throws IOException {
        StringWriter out = new StringWriter();
        PcTable.write(out, List.of(new PcEntry(0x00ab_cdef_0123_4567L, PcEntry.Kind.SWITCH,
                "a/B", "m", "(I)V", "B.java", 42)));
        assertEquals("# jkcov pctable 1\n00abcdef01234567\tSWITCH\ta/B\tm\t(I)V\tB.java\t42\n",
                out.toString());
    }

    @Test
    void a_table_written_in_parts_is_the_same_bytes() throws IOException {
        // jkcov instrument formats each class's lines on a worker and writes them in order.
        StringWriter whole = new StringWriter();
        List<PcEntry> all = new ArrayList<>(pcsOf(Branches.class));
        all.addAll(pcsOf(Switches.class));
        PcTable.write(whole, all);
        assertEquals(whole.toString(),
                PcTable.header() + PcTable.lines(pcsOf(Branches.class)) + PcTable.lines(List.of())
                        + PcTable.lines(pcsOf(Switches.class)));
    }

    @Test
    void appended_tables_read_as_one() throws IOException {
        StringWriter out = new StringWriter();
        PcTable.write(out, pcsOf(Branches.class));
        PcTable.write(out, List.of());
        PcTable.write(out, pcsOf(Switches.class));
        List<PcEntry> expected = new ArrayList<>(pcsOf(Branches.class));
        expected.addAll(pcsOf(Switches.class));
        assertEquals(expected, PcTable.read(new StringReader(out.toString())));
    }

    @Test
    void odd_names_and_absent_fields_survive() throws IOException {
        List<PcEntry> entries = List.of(
                new PcEntry(-1L, PcEntry.Kind.BLOCK, "a\tb/C\\d", "m\ne\rx", "()V", null, -1),
                new PcEntry(1L, PcEntry.Kind.CMP, "c", "-", "()V", "-", 0),
                new PcEntry(2L, PcEntry.Kind.CMP, "c", "m", "()V", "\\-", 7));
        StringWriter out = new StringWriter();
        PcTable.write(out, entries);
        assertEquals(entries, PcTable.read(new StringReader(out.toString())));
    }

    @Test
    void a_malformed_line_is_reported_with_its_number() {
        String header = "# jkcov pctable 1\n";
        String good = "0000000000000001\tBLOCK\ta/B\tm\t()V\t-\t3\n";
        assertMalformed(good, 1, "before the");
        assertMalformed(header + good + "0000000000000001\tBLOCK\ta/B\tm\t()V\t-\n", 3, "7 tab-separated");
        assertMalformed(header + "\n" + "00000000000000zz\tBLOCK\ta/B\tm\t()V\t-\t3\n", 3, "hexadecimal");
        assertMalformed(header + "1\tBLOCK\ta/B\tm\t()V\t-\t3\n", 2, "16 hex digits");
        assertMalformed(header + "0000000000000000\tBLOCK\ta/B\tm\t()V\t-\t3\n", 2, "reserved");
        assertMalformed(header + "0000000000000001\tEDGE\ta/B\tm\t()V\t-\t3\n", 2, "unknown kind");
        assertMalformed(header + "0000000000000001\tBLOCK\ta/B\tm\t()V\t-\tten\n", 2, "line is not");
        assertMalformed(header + "0000000000000001\tBLOCK\ta/B\tm\t()V\t-\t-2\n", 2, "-1 or more");
        assertMalformed(header + "0000000000000001\tBLOCK\ta/B\\q\tm\t()V\t-\t3\n", 2, "unknown escape");
        assertMalformed(header + good + "# jkcov pctable 2\n", 3, "unsupported");
    }

    private static void assertMalformed(String table, int line, String what) {
        IOException e = assertThrows(IOException.class, () -> PcTable.read(new StringReader(table)));
        assertTrue(e.getMessage().startsWith("pc table line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }
}
