package io.jkcov.agent.it;

import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the PC table the agent wrote, to symbolise traces. */
public final class PcTables {
    private PcTables() {}

    public static List<PcEntry> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PcTable.read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<Long, PcEntry> byPc(List<PcEntry> entries) {
        Map<Long, PcEntry> m = new HashMap<>();
        for (PcEntry e : entries) m.put(e.pc(), e);
        return m;
    }

    /** "method:line" of a PC, failing if the table lacks it. */
    public static String where(Map<Long, PcEntry> table, long pc) {
        PcEntry e = table.get(pc);
        if (e == null) throw new AssertionError("PC " + Long.toHexString(pc) + " is not in the PC table");
        return e.method() + ":" + e.line();
    }
}
