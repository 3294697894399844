package io.jkcov.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --html}: the layout of the coverage reports people know. The index lists packages; a
 * package page its classes and source files; a source page the methods of its classes, then
 * the source with each line marked covered, partly covered or missed ({@link SourcePage}).
 * A class's methods share its source page rather than have a page of their own: a program of
 * 10,000 classes then takes 10,000 files, not 20,000, and creating files is most of the time. Static
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
        // Packages are written apart from one another, so on as many cores as there are.
        coverage.packages.parallelStream().forEach(p -> {
            try {
                packagePage(p, dir.resolve(HtmlNames.packageDir(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (PackageCoverage p : coverage.packages) {
            index.row(HtmlNames.href(HtmlNames.packageDir(p) + "/index.html"), p.displayName(), p.totals(), null);
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
        Files.createDirectories(pkgDir);
        String[][] trail = {{"../index.html", "Coverage report"}};
        HtmlPage page = new HtmlPage(p.displayName(), "../", trail).table("Class");
        for (ClassCoverage c : p.classes) {
            SourceCoverage s = c.sourceFile == null ? null : p.source(c.sourceFile);
            if (s == null) {
                page.row(HtmlNames.href(HtmlNames.classPage(c)), c.simpleName(), c.totals(), null);
                classPage(p, c, pkgDir);
            } else {
                String href = HtmlNames.href(HtmlNames.sourcePage(s)) + "#" + HtmlNames.href(HtmlNames.classAnchor(c));
                page.row(href, c.simpleName(), c.totals(), null);
            }
        }
        page.row(null, "Total", p.totals(), "total").endTable().table("Source file");
        for (SourceCoverage s : p.sources()) {
            page.row(HtmlNames.href(HtmlNames.sourcePage(s)), s.name, s.totals(), null);
            SourcePage.write(coverage.trace.mode(), p, s, sources.find(p.name, s.name), pkgDir.resolve(HtmlNames.sourcePage(s)));
        }
        page.endTable().write(pkgDir.resolve("index.html"));
    }

    /** Only for a class with no SourceFile attribute: the others' methods are on their source page. */
    private static void classPage(PackageCoverage p, ClassCoverage c, Path pkgDir) throws IOException {
        String[][] trail = {{"../index.html", "Coverage report"}, {"index.html", p.displayName()}};
        HtmlPage page = new HtmlPage(c.simpleName(), "../", trail);
        MethodTable.write(page, c, null);
        page.write(pkgDir.resolve(HtmlNames.classPage(c)));
    }
}
