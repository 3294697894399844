package io.jkcov.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --html}: the layout of the coverage reports people know. The index lists packages; a
 * package page its classes and source files; a class page its methods; a source page the
 * source with each line marked covered, partly covered or missed ({@link SourcePage}). Static
 * pages and one style sheet: nothing to run, so the report opens anywhere, file:// included.
 */
final class HtmlReport {
    private final Coverage coverage;
    private final Sources sources;
    private final Path dir;

    private HtmlReport(Coverage coverage, Sources sources, Path dir) {
        this.coverage = coverage;
        this.sources = sources;
        this.dir = dir;
    }

    /** Writes the report into dir; returns its index page. */
    static Path write(Coverage coverage, Sources sources, Path dir) throws IOException {
        return new HtmlReport(coverage, sources, dir).write();
    }

    private Path write() throws IOException {
        Files.createDirectories(dir);
        try (InputStream css = HtmlReport.class.getResourceAsStream("report.css")) {
            Files.copy(css, dir.resolve("report.css"), StandardCopyOption.REPLACE_EXISTING);
        }
        HtmlPage index = new HtmlPage("Coverage report", "", new String[0][]);
        index.raw("<p class=\"trace\">").text(describeTrace()).raw("</p>\n").table("Package");
        for (PackageCoverage p : coverage.packages) {
            String pkgDir = HtmlNames.packageDir(p);
            index.row(HtmlNames.href(pkgDir + "/index.html"), p.displayName(), p.totals(), null);
            packagePage(p, dir.resolve(pkgDir));
        }
        Path file = dir.resolve("index.html");
        index.row(null, "Total", coverage.totals(), "total").endTable().write(file);
        return file;
    }

    private String describeTrace() {
        Trace t = coverage.trace;
        String s = t.file() + ": " + t.mode().kcovName + (t.detected() ? " (detected)" : "") + ", "
                + t.count() + " " + (t.count() == 1 ? t.mode().entry : t.mode().entries);
        Hits h = coverage.hits;
        return h.unknown == 0 ? s : s + "; " + h.unknown + " not in the PC table (" + h.unknownDistinct() + " distinct)";
    }

    private void packagePage(PackageCoverage p, Path pkgDir) throws IOException {
        String[][] trail = {{"../index.html", "Coverage report"}};
        HtmlPage page = new HtmlPage(p.displayName(), "../", trail).table("Class");
        for (ClassCoverage c : p.classes) {
            page.row(HtmlNames.href(HtmlNames.classPage(c)), c.simpleName(), c.totals(), null);
            classPage(p, c, pkgDir);
        }
        page.row(null, "Total", p.totals(), "total").endTable().table("Source file");
        for (SourceCoverage s : p.sources()) {
            page.row(HtmlNames.href(HtmlNames.sourcePage(s)), s.name, s.totals(), null);
            SourcePage.write(coverage.trace.mode(), p, s, sources.find(p.name, s.name), pkgDir.resolve(HtmlNames.sourcePage(s)));
        }
        page.endTable().write(pkgDir.resolve("index.html"));
    }

    private void classPage(PackageCoverage p, ClassCoverage c, Path pkgDir) throws IOException {
        String[][] trail = {{"../index.html", "Coverage report"}, {"index.html", p.displayName()}};
        HtmlPage page = new HtmlPage(c.simpleName(), "../", trail).table("Method");
        SourceCoverage source = c.sourceFile == null ? null : p.source(c.sourceFile);
        for (MethodCoverage m : c.methods()) {
            int first = m.lines.first();
            String href = source == null || first < 0 ? null
                    : HtmlNames.href(HtmlNames.sourcePage(source)) + "#L" + first;
            page.row(href, JavaNames.method(c, m), m.totals(), null);
        }
        page.row(null, "Total", c.totals(), "total").endTable().write(pkgDir.resolve(HtmlNames.classPage(c)));
    }
}
