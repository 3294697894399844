package io.jkcov.tools.report;

import io.jkcov.Kcov;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A trace file: a KCOV area saved as it is (docs/area.md), {@code count} then the entries, in
 * little-endian 64-bit words. The file may hold the whole area; only the counted entries matter.
 *
 * @param words    the file's words from word 0 up to the last counted entry, memory-mapped
 * @param count    word 0: PCs in TRACE_PC, records in TRACE_CMP
 * @param detected whether the mode was inferred rather than given
 */
record Trace(Path file, TraceMode mode, boolean detected, long count, LongBuffer words) {

    /**
     * Maps {@code file}; mode null means detect it.
     *
     * @throws ReportException if the file is missing, holds no count word, or is shorter than
     *                         its count says
     */
    static Trace read(Path file, TraceMode mode) throws ReportException, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < Long.BYTES) {
                throw new ReportException(file + " is truncated: " + size + " bytes, not even the count word");
            }
            // Mapping costs nothing per page until read, and an area is at most Kcov.MAX_WORDS.
            long mapped = Math.min(size, Kcov.MAX_WORDS * Long.BYTES) & ~7L;
            LongBuffer words = channel.map(FileChannel.MapMode.READ_ONLY, 0, mapped)
                    .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
            long count = words.get(0);
            TraceMode actual = mode != null ? mode : TraceMode.detect(words, count);
            long held = (words.limit() - 1) / actual.wordsPerEntry;
            if (Long.compareUnsigned(count, held) > 0) {
                throw new ReportException(file + " is truncated: its count says "
                        + Long.toUnsignedString(count) + " " + actual.entries + " (" + actual.kcovName
                        + ") but it holds " + held);
            }
            words.limit((int) (1 + count * actual.wordsPerEntry));
            return new Trace(file, actual, mode == null, count, words);
        } catch (NoSuchFileException e) {
            throw new ReportException("no trace at " + file + " (give --trace FILE)");
        }
    }
}
