package io.jkcov.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import io.jkcov.tools.Processes.Outcome;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code jkcov symbolize} as a process: exact output, and one clear line for bad input. */
class SymbolizeIT {

    private static Path dir;
    private static Path table;

    @BeforeAll
    static void table() throws Exception {
        dir = Files.createTempDirectory("jkcov-symbolize");
        table = dir.resolve("pctable");
        try (Writer w = Files.newBufferedWriter(table)) {
            PcTable.write(w, List.of(
                    new PcEntry(0x1234_5678_9abc_def0L, PcEntry.Kind.BLOCK, "org/example/Parser", "parse",
                            "([B)I", "Parser.java", 42),
                    new PcEntry(0xfedc_ba98_7654_3210L, PcEntry.Kind.CMP, "org/example/Parser$Header", "check",
                            "(I)Z", null, -1)));
        }
    }

    static Outcome jkcov(String stdin, String... args) throws Exception {
        return Processes.run(Processes.jkcov(Processes.java(), args), stdin);
    }

    @Test
    void pcs_from_a_file_or_standard_input_become_source_locations() throws Exception {
        Path pcs = dir.resolve("pcs");
        Files.writeString(pcs, "0x123456789abcdef0\nfedcba9876543210 123456789ABCDEF0\n");
        String expected = "org.example.Parser.parse(Parser.java:42)\n"
                + "org.example.Parser$Header.check(Unknown Source)\n"
                + "org.example.Parser.parse(Parser.java:42)\n";
        assertEquals(new Outcome(0, expected, ""), jkcov("", "symbolize", "--pctable", table.toString(), pcs.toString()));
        assertEquals(new Outcome(0, expected, ""), jkcov(Files.readString(pcs), "symbolize", "--pctable", table.toString()));
    }

    @Test
    void unknown_pcs_are_marked_and_counted() throws Exception {
        Outcome o = jkcov("1 123456789abcdef0\n", "symbolize", "--pctable", table.toString());
        assertEquals(new Outcome(1, "0x0000000000000001 ??\norg.example.Parser.parse(Parser.java:42)\n",
                "jkcov symbolize: 1 PC(s) not in " + table + "\n"), o);
    }

    @Test
    void bad_input_gets_one_line_and_a_nonzero_exit() throws Exception {
        Outcome noTable = jkcov("", "symbolize", "--pctable", dir.resolve("missing").toString());
        assertEquals(new Outcome(2, "", "jkcov symbolize: no PC table at " + dir.resolve("missing")
                + " (give --pctable FILE)\n"), noTable);
        Outcome garbage = jkcov("xyz\n", "symbolize", "--pctable", table.toString());
        assertEquals(new Outcome(2, "", "jkcov symbolize: not a PC: xyz\n"), garbage);
        Outcome noFile = jkcov("", "symbolize", "--pctable", table.toString(), dir.resolve("nope").toString());
        assertEquals(new Outcome(2, "", "jkcov symbolize: no such file: " + dir.resolve("nope") + "\n"), noFile);
    }
}
