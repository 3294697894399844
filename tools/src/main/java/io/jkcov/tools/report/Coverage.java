package io.jkcov.tools.report;

import io.jkcov.instrument.PcEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace laid over its PC table: packages, classes, methods, source files and lines, each with
 * what the trace covered of it. Only probes of the kind the mode records count (docs/report.md):
 * a method with no such probe has nothing the trace could have told, and is left out.
 */
final class Coverage {
    final Trace trace;
    final Hits hits;
    final List<PackageCoverage> packages;

    private Coverage(Trace trace, Hits hits, List<PackageCoverage> packages) {
        this.trace = trace;
        this.hits = hits;
        this.packages = packages;
    }

    static Coverage of(ProbeTable table, Trace trace) {
        Hits hits = Hits.count(table.probes(), table.index(), trace);
        Map<String, ClassCoverage> classes = new HashMap<>();
        List<PcEntry> probes = table.probes();
        ClassCoverage c = null;
        MethodCoverage m = null;
        for (int i = 0; i < probes.size(); i++) {
            PcEntry e = probes.get(i);
            if (!trace.mode().traces(e.kind())) {
                continue;
            }
            // A table lists a class's probes together, method by method (docs/pc-table.md):
            // the maps are asked only when the class or the method changes.
            if (c == null || !c.name.equals(e.className())) {
                c = classes.computeIfAbsent(e.className(), n -> new ClassCoverage(n, e.sourceFile()));
                m = null;
            }
            if (m == null || !m.name.equals(e.method()) || !m.descriptor.equals(e.descriptor())) {
                m = c.method(e.method(), e.descriptor());
            }
            Line line = m.add(e.line(), hits.counts[i]);
            if (line != null && hits.operands != null) {
                line.add(new Line.Comparison(e.kind(), hits.counts[i], hits.operands[i]));
            }
        }
        Map<String, PackageCoverage> packages = new TreeMap<>();
        for (ClassCoverage each : new TreeMap<>(classes).values()) {
            packages.computeIfAbsent(each.packageName(), PackageCoverage::new).add(each);
        }
        return new Coverage(trace, hits, new ArrayList<>(packages.values()));
    }

    Totals totals() {
        Totals sum = Totals.NONE;
        for (PackageCoverage p : packages) {
            sum = sum.plus(p.totals());
        }
        return sum;
    }
}
