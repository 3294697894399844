package io.jkcov.tools.report;

import io.jkcov.instrument.PcEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One source file with its lines marked: {@code covered} (every probe on the line recorded),
 * {@code partly} (some) or {@code missed} (none); lines with no probe stay unmarked. Each row is
 * {@code <tr id="L42" class="covered">}, so a link or a test can find a line. In a TRACE_CMP
 * report each comparison also shows the operands it was seen with. Without the source (no
 * {@code --sources}, or not found there) the page lists the lines the PC table names.
 */
final class SourcePage {
    private SourcePage() {}

    static void write(TraceMode mode, PackageCoverage p, SourceCoverage s, Path source, Path file) throws IOException {
        String[][] trail = {{"../index.html", "Coverage report"}, {"index.html", p.displayName()}};
        HtmlPage page = new HtmlPage(s.name, "../", trail);
        page.table("Source file").row(null, s.name, s.totals(), "total").endTable();
        for (ClassCoverage c : s.classes) {
            page.raw("<h2 id=\"").text(HtmlNames.classAnchor(c)).raw("\">").text(c.simpleName()).raw("</h2>\n");
            MethodTable.write(page, c, "");
        }
        List<String> text = source == null ? null
                : new String(Files.readAllBytes(source), StandardCharsets.UTF_8).lines().toList();
        if (text == null) {
            page.raw("<p class=\"nosource\">Source not found (give --sources DIR, the directory holding ")
                    .text(Sources.relative(p.name, s.name)).raw("): the lines the PC table names.</p>\n");
        }
        page.raw("<table class=\"source\">\n");
        int last = Math.max(text == null ? 0 : text.size(), s.lines().last());
        for (int n = 1; n <= last; n++) {
            Line line = s.lines().get(n);
            if (text == null && line == null) {
                continue;
            }
            String code = text != null && n <= text.size() ? text.get(n - 1) : "";
            row(page, mode, n, code, line);
        }
        page.raw("</table>\n").write(file);
    }

    private static void row(HtmlPage page, TraceMode mode, int n, String code, Line line) {
        page.raw("<tr id=\"L" + n + "\"");
        if (line != null) {
            page.raw(" class=\"" + line.status().name().toLowerCase(Locale.ROOT) + "\" title=\"")
                    .text(line.hit + " of " + line.probes + " " + mode.probes + " recorded, the most often "
                            + line.count + (line.count == 1 ? " time" : " times"))
                    .raw("\"");
        }
        page.raw("><td class=\"nr\">" + n + "</td><td class=\"code\">").text(code).raw("</td><td class=\"note\">");
        if (line != null) {
            for (Line.Comparison c : line.comparisons()) {
                comparison(page, c);
            }
        }
        page.raw("</td></tr>\n");
    }

    private static void comparison(HtmlPage page, Line.Comparison c) {
        String what = c.kind() == PcEntry.Kind.SWITCH ? "switch" : "cmp";
        page.raw("<div class=\"cmp\">").text(what + ", ");
        if (c.executed() == 0) {
            page.text("never executed").raw("</div>");
            return;
        }
        page.text(c.executed() + (c.executed() == 1 ? " record: " : " records: ")
                + String.join(", ", c.operands().shown()) + (c.operands().more() ? ", ..." : "")).raw("</div>");
    }
}
