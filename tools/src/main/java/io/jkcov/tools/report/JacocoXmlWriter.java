package io.jkcov.tools.report;

import java.io.PrintWriter;

/**
 * {@code --jacoco-xml}: JaCoCo's XML report format (its report.dtd, version 1.1), for the tools
 * that read JaCoCo reports. It holds only what a trace tells (docs/report.md): LINE, METHOD and
 * CLASS counters; no INSTRUCTION, BRANCH or COMPLEXITY counter, as the PC table knows neither
 * instruction counts nor branch outcomes; and for each line, in {@code mi}/{@code ci}, its
 * probes missed and covered, so a reader that takes ci &gt; 0 as covered and mi &gt; 0 as
 * missed code is right, though the numbers are blocks, not instructions.
 */
final class JacocoXmlWriter {
    static final String PUBLIC_ID = "-//JACOCO//DTD Report 1.1//EN";

    private JacocoXmlWriter() {}

    static void write(Coverage coverage, PrintWriter out) {
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>");
        out.println("<!DOCTYPE report PUBLIC \"" + PUBLIC_ID + "\" \"report.dtd\">");
        out.println("<report name=\"" + Markup.escape(coverage.trace.file().getFileName().toString()) + "\">");
        for (PackageCoverage p : coverage.packages) {
            out.println("  <package name=\"" + Markup.escape(p.name) + "\">");
            for (ClassCoverage c : p.classes) {
                out.print("    <class name=\"" + Markup.escape(c.name) + "\"");
                out.println(c.sourceFile == null ? ">" : " sourcefilename=\"" + Markup.escape(c.sourceFile) + "\">");
                for (MethodCoverage m : c.methods()) {
                    int first = m.lines.first();
                    out.println("      <method name=\"" + Markup.escape(m.name) + "\" desc=\"" + Markup.escape(m.descriptor)
                            + "\"" + (first < 0 ? "" : " line=\"" + first + "\"") + ">");
                    counters(m.totals(), "        ", out);
                    out.println("      </method>");
                }
                counters(c.totals(), "      ", out);
                out.println("    </class>");
            }
            for (SourceCoverage s : p.sources()) {
                out.println("    <sourcefile name=\"" + Markup.escape(s.name) + "\">");
                for (Line l : s.lines().all()) {
                    out.println("      <line nr=\"" + l.number + "\" mi=\"" + (l.probes - l.hit) + "\" ci=\"" + l.hit + "\"/>");
                }
                counters(s.totals(), "      ", out);
                out.println("    </sourcefile>");
            }
            counters(p.totals(), "    ", out);
            out.println("  </package>");
        }
        counters(coverage.totals(), "  ", out);
        out.println("</report>");
    }

    /** In the DTD's order; a counter with nothing to count is left out, as JaCoCo does. */
    private static void counters(Totals t, String indent, PrintWriter out) {
        counter("LINE", t.lines(), indent, out);
        counter("METHOD", t.methods(), indent, out);
        counter("CLASS", t.classes(), indent, out);
    }

    private static void counter(String type, Counter c, String indent, PrintWriter out) {
        if (c.total() > 0) {
            out.println(indent + "<counter type=\"" + type + "\" missed=\"" + c.missed() + "\" covered=\"" + c.covered() + "\"/>");
        }
    }
}
