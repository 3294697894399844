package io.jkcov.tools.report;

/** A class's methods with their counters, each linked to its first line on the source page. */
final class MethodTable {
    private MethodTable() {}

    /** @param sourcePage the source page's href ("" on that page itself), or null if it has none */
    static void write(HtmlPage page, ClassCoverage c, String sourcePage) {
        page.table("Method");
        for (MethodCoverage m : c.methods()) {
            int first = m.lines.first();
            page.row(sourcePage == null || first < 0 ? null : sourcePage + "#L" + first,
                    JavaNames.method(c, m), m.totals(), null);
        }
        page.row(null, "Total", c.totals(), "total").endTable();
    }
}
