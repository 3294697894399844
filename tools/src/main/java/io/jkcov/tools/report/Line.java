package io.jkcov.tools.report;

import io.jkcov.instrument.PcEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One source line and the probes on it that the trace's mode records: BLOCK probes in
 * TRACE_PC, CMP and SWITCH probes in TRACE_CMP (docs/report.md, "What covered means").
 */
final class Line {
    enum Status { COVERED, PARTLY, MISSED }

    /** One comparison on the line, in a TRACE_CMP report. */
    record Comparison(PcEntry.Kind kind, long executed, Operands operands) {}

    final int number;
    int probes;
    int hit;
    /** The most often recorded of the line's probes: how often the line was entered, at least. */
    long count;
    /** Empty in TRACE_PC, where a report has hundreds of thousands of lines. */
    private List<Comparison> comparisons = List.of();

    Line(int number) {
        this.number = number;
    }

    void add(long recorded) {
        probes++;
        if (recorded > 0) {
            hit++;
        }
        count = Math.max(count, recorded);
    }

    void add(Line other) {
        probes += other.probes;
        hit += other.hit;
        count = Math.max(count, other.count);
        for (Comparison c : other.comparisons) {
            add(c);
        }
    }

    void add(Comparison c) {
        if (comparisons.isEmpty()) {
            comparisons = new ArrayList<>(2);
        }
        comparisons.add(c);
    }

    List<Comparison> comparisons() {
        return comparisons;
    }

    Status status() {
        return hit == 0 ? Status.MISSED : hit == probes ? Status.COVERED : Status.PARTLY;
    }
}
