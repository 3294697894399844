package io.jkcov.tools.report;

import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PC table as the report uses it: each PC once, with its position. Tables may be appended
 * to one another (docs/pc-table.md), so a class can be listed twice, with the same PCs (two
 * runs' tables, or two loaders' copies); the first listing stands for all.
 */
record ProbeTable(List<PcEntry> probes, PcIndex index) {

    static ProbeTable read(Path file) throws ReportException, IOException {
        List<PcEntry> entries;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            entries = PcTable.read(in);
        } catch (NoSuchFileException e) {
            throw new ReportException("no PC table at " + file + " (give --pctable FILE)");
        } catch (IOException e) {
            throw new ReportException("cannot read the PC table " + file + ": " + e.getMessage());
        }
        PcIndex index = new PcIndex(entries.size());
        List<PcEntry> probes = new ArrayList<>(entries.size());
        for (PcEntry e : entries) {
            if (index.putIfAbsent(e.pc(), probes.size()) == probes.size()) {
                probes.add(e);
            }
        }
        return new ProbeTable(probes, index);
    }
}
