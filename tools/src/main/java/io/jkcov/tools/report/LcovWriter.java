package io.jkcov.tools.report;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code --lcov}: the tracefile format of LCOV (geninfo(1)), one record per source file, for
 * genhtml and the tools that read it. Counts are how often a line's or a method's most-recorded
 * probe was recorded: how often it was entered, at least, in a trace that did not overflow.
 * Classes with no SourceFile attribute, and lines of methods with no line numbers, have no
 * place in LCOV and are left out.
 */
final class LcovWriter {
    private LcovWriter() {}

    static void write(Coverage coverage, Sources sources, PrintWriter out) {
        for (PackageCoverage p : coverage.packages) {
            for (SourceCoverage s : p.sources()) {
                Path found = sources.find(p.name, s.name);
                out.println("TN:");
                out.println("SF:" + (found != null ? found.toAbsolutePath() : Sources.relative(p.name, s.name)));
                functions(s, out);
                long hit = 0;
                for (Line l : s.lines().all()) {
                    out.println("DA:" + l.number + "," + l.count);
                    hit += l.count > 0 ? 1 : 0;
                }
                out.println("LF:" + s.lines().all().size());
                out.println("LH:" + hit);
                out.println("end_of_record");
            }
        }
    }

    private static void functions(SourceCoverage s, PrintWriter out) {
        int found = 0;
        int hit = 0;
        StringBuilder counts = new StringBuilder();
        for (ClassCoverage c : s.classes) {
            for (MethodCoverage m : c.methods()) {
                int first = m.lines.first();
                if (first < 0) {
                    continue;
                }
                // A descriptor has no comma, which LCOV uses as its separator; a method name
                // could (JVMS 4.2.2), which javac never emits.
                String name = (c.simpleName() + "." + m.name + m.descriptor).replace(',', '_');
                long count = 0;
                for (Line l : m.lines.all()) {
                    count = Math.max(count, l.count);
                }
                out.println("FN:" + first + "," + name);
                counts.append("FNDA:").append(count).append(',').append(name).append('\n');
                found++;
                hit += count > 0 ? 1 : 0;
            }
        }
        out.print(counts);
        out.println("FNF:" + found);
        out.println("FNH:" + hit);
    }
}
