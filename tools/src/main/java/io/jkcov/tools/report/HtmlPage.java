package io.jkcov.tools.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One page of the HTML report: a title, a trail of links up to the index, then tables of
 * elements with their lines, methods and classes covered, as coverage reports lay them out.
 */
final class HtmlPage {
    private final StringBuilder html = new StringBuilder(4096);

    /**
     * @param root  the way from this page to the report's root ("" or "../")
     * @param trail the pages above this one, as {href, text} pairs, the root first
     */
    HtmlPage(String title, String root, String[][] trail) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Markup.escape(title)).append("</title>\n<link rel=\"stylesheet\" href=\"")
                .append(root).append("report.css\">\n</head>\n<body>\n<nav>");
        for (String[] step : trail) {
            html.append("<a href=\"").append(step[0]).append("\">").append(Markup.escape(step[1])).append("</a> &rsaquo; ");
        }
        html.append(Markup.escape(title)).append("</nav>\n<h1>").append(Markup.escape(title)).append("</h1>\n");
    }

    HtmlPage raw(String markup) {
        html.append(markup);
        return this;
    }

    HtmlPage text(String text) {
        html.append(Markup.escape(text));
        return this;
    }

    /** A table's head; rows follow through {@link #row}, then {@link #endTable}. */
    HtmlPage table(String element) {
        html.append("<table class=\"coverage\">\n<thead><tr><th>").append(Markup.escape(element))
                .append("</th><th colspan=\"3\">Lines</th><th colspan=\"3\">Methods</th><th colspan=\"3\">Classes</th></tr></thead>\n<tbody>\n");
        return this;
    }

    /** One element: href may be null (no page of its own). */
    HtmlPage row(String href, String name, Totals t, String cssClass) {
        html.append("<tr").append(cssClass == null ? "" : " class=\"" + cssClass + "\"").append("><td class=\"name\">");
        if (href != null) {
            html.append("<a href=\"").append(href).append("\">").append(Markup.escape(name)).append("</a>");
        } else {
            html.append(Markup.escape(name));
        }
        html.append("</td>");
        cells(t.lines());
        cells(t.methods());
        cells(t.classes());
        html.append("</tr>\n");
        return this;
    }

    HtmlPage endTable() {
        html.append("</tbody>\n</table>\n");
        return this;
    }

    /** Bar, ratio and percentage; blank where there is nothing to count (a method's classes). */
    private void cells(Counter c) {
        if (c.total() == 0) {
            html.append("<td class=\"bar empty\"></td><td class=\"ratio\"></td><td class=\"pct\"></td>");
            return;
        }
        html.append("<td class=\"bar\"><span class=\"fill\" style=\"width:")
                .append(Math.round(100.0 * c.covered() / c.total())).append("%\"></span></td>")
                .append("<td class=\"ratio\">").append(c.covered()).append('/').append(c.total()).append("</td>")
                .append("<td class=\"pct\">").append(c.percent()).append("</td>");
    }

    void write(Path file) throws IOException {
        html.append("<footer>jkcov report</footer>\n</body>\n</html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }
}
