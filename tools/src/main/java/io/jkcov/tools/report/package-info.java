/**
 * {@code jkcov report}: a trace (a saved KCOV area) laid over its PC table, as syz-cover lays a
 * kernel trace over vmlinux. {@link io.jkcov.tools.report.ReportCommand} reads the two
 * ({@code Trace}, {@code ProbeTable}), counts what the trace recorded of each probe
 * ({@code Hits}), builds packages, classes, methods, source files and lines from that
 * ({@code Coverage}), and hands the result to one writer per format: {@code HtmlReport},
 * {@code LcovWriter}, {@code JacocoXmlWriter}, {@code TextSummary}. docs/report.md is the
 * user's side of it.
 */
package io.jkcov.tools.report;
