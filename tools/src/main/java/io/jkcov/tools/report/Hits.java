package io.jkcov.tools.report;

import io.jkcov.instrument.PcEntry;
import java.nio.LongBuffer;
import java.util.List;

/**
 * What a trace says of each probe of the PC table: how often it was recorded, and in TRACE_CMP
 * the operands seen. PCs the table does not know, or knows as a kind the mode does not record,
 * are counted as unknown: a table from other class bytes than the trace's.
 */
final class Hits {
    final long[] counts;
    final Operands[] operands;
    long unknown;
    private final PcIndex unknownPcs = new PcIndex(16);
    private boolean unknownZero; // 0 marks a free slot in PcIndex, so it is counted apart

    private Hits(int probes, boolean cmp) {
        counts = new long[probes];
        operands = cmp ? new Operands[probes] : null;
    }

    /** Distinct unknown PCs. */
    int unknownDistinct() {
        return unknownPcs.size() + (unknownZero ? 1 : 0);
    }

    /** @param probes the table without repeated PCs, indexed by {@code index} */
    static Hits count(List<PcEntry> probes, PcIndex index, Trace trace) {
        TraceMode mode = trace.mode();
        Hits hits = new Hits(probes.size(), mode == TraceMode.CMP);
        boolean[] traced = new boolean[probes.size()];
        for (int i = 0; i < traced.length; i++) {
            traced[i] = mode.traces(probes.get(i).kind());
        }
        LongBuffer words = trace.words();
        int end = words.limit();
        if (mode == TraceMode.PC) {
            for (int at = 1; at < end; at++) {
                hits.record(index, traced, words.get(at));
            }
        } else {
            for (int at = 1; at < end; at += 4) {
                int probe = hits.record(index, traced, words.get(at + 3));
                if (probe >= 0) {
                    Operands seen = hits.operands[probe];
                    if (seen == null) {
                        seen = hits.operands[probe] = new Operands();
                    }
                    seen.add(words.get(at), words.get(at + 1), words.get(at + 2));
                }
            }
        }
        return hits;
    }

    private int record(PcIndex index, boolean[] traced, long pc) {
        int probe = index.get(pc);
        if (probe < 0 || !traced[probe]) {
            unknown++;
            if (pc == 0) {
                unknownZero = true;
            } else {
                unknownPcs.putIfAbsent(pc, 0);
            }
            return -1;
        }
        counts[probe]++;
        return probe;
    }
}
