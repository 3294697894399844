package io.jkcov.tools.report;

import io.jkcov.instrument.PcEntry;
import java.nio.LongBuffer;

/**
 * The two KCOV modes as a trace file holds them. The mode is not stored in the file (a KCOV area
 * has no header), so {@link #detect} infers it; docs/report.md gives the rule.
 */
enum TraceMode {
    /** Words 1..count are PCs of BLOCK probes. */
    PC("TRACE_PC", 1, "PC", "PCs", "blocks"),
    /** count records of four words, {@code type, arg1, arg2, ip}; ip is a CMP or SWITCH PC. */
    CMP("TRACE_CMP", 4, "record", "records", "comparisons");

    /** KCOV_CMP_CONST | KCOV_CMP_SIZE(3): the largest type word a CMP record can hold. */
    static final long MAX_TYPE = 7;

    final String kcovName;
    final int wordsPerEntry;
    final String entry;
    final String entries;
    /** What the probes this mode records are, to people. */
    final String probes;

    TraceMode(String kcovName, int wordsPerEntry, String entry, String entries, String probes) {
        this.kcovName = kcovName;
        this.wordsPerEntry = wordsPerEntry;
        this.entry = entry;
        this.entries = entries;
        this.probes = probes;
    }

    /** Whether a probe of this kind records into a trace of this mode. */
    boolean traces(PcEntry.Kind kind) {
        return (kind == PcEntry.Kind.BLOCK) == (this == PC);
    }

    /**
     * CMP if every record the count promises, as far as the file holds them, has a type word of
     * at most 7. A PC is a 64-bit hash (docs/pc-scheme.md) that is at most 7 with probability
     * 2^-61, so a PC trace fails this test at its first word; an empty trace is called PC.
     *
     * @param words the file's whole words, word 0 the count
     */
    static TraceMode detect(LongBuffer words, long count) {
        if (count == 0 || words.limit() < 2) {
            return PC;
        }
        long records = Math.min(count, (words.limit() - 1) / 4);
        for (long i = 0; i < Math.max(records, 1); i++) {
            if (Long.compareUnsigned(words.get((int) (1 + 4 * i)), MAX_TYPE) > 0) {
                return PC;
            }
        }
        return CMP;
    }
}
