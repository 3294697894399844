package io.jkcov.tools.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jkcov report}: a trace and its PC table as a coverage report, what syz-cover makes of
 * a kernel trace and vmlinux. docs/report.md describes the formats and what covered means.
 * Exit status: 0; 1 if the trace holds PCs the table does not know (the rest is reported);
 * 2 for input that cannot be reported at all.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Turn a trace (a saved KCOV area) and its PC table into an HTML, LCOV, JaCoCo XML or text report.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--trace", required = true, paramLabel = "FILE", description = "The trace: a KCOV area saved as a file.")
    Path trace;

    @Option(names = "--pctable", required = true, paramLabel = "FILE", description = "The PC table of the traced classes.")
    Path pctable;

    @Option(names = "--sources", arity = "1..*", paramLabel = "DIR",
            description = "Source roots (com/example/Foo.java below each), for the HTML source pages and LCOV paths.")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "pc|cmp", description = "The trace's mode (default: detected).")
    String mode;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = "--html", paramLabel = "DIR", description = "Write an HTML report into DIR.")
        Path html;

        @Option(names = "--lcov", paramLabel = "FILE", description = "Write an LCOV tracefile, for genhtml.")
        Path lcov;

        @Option(names = "--jacoco-xml", paramLabel = "FILE", description = "Write a JaCoCo XML report.")
        Path jacocoXml;

        @Option(names = "--text", description = "Print a summary per package.")
        boolean text;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Coverage coverage;
            try {
                coverage = Coverage.of(ProbeTable.read(pctable), Trace.read(trace, parseMode()));
            } catch (IOException e) {
                throw new ReportException("cannot read " + trace + ": " + reason(e));
            }
            try {
                write(coverage, spec.commandLine().getOut());
            } catch (IOException | UncheckedIOException e) {
                throw new ReportException("cannot write the report: " + reason(e));
            }
            Hits h = coverage.hits;
            if (h.unknown > 0) {
                TraceMode m = coverage.trace.mode();
                err.println("jkcov report: " + h.unknown + " of " + coverage.trace.count() + " " + m.entries
                        + " (" + h.unknownDistinct() + " distinct PCs) are not " + m.probes + " of " + pctable
                        + " (a PC table of other class bytes, or another mode?); reported the rest");
                return 1;
            }
            return 0;
        } catch (ReportException e) {
            err.println("jkcov report: " + e.getMessage());
            return 2;
        } finally {
            err.flush();
        }
    }

    private TraceMode parseMode() throws ReportException {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case "pc" -> TraceMode.PC;
            case "cmp" -> TraceMode.CMP;
            default -> throw new ReportException("--mode is pc or cmp, not " + mode);
        };
    }

    private void write(Coverage coverage, PrintWriter out) throws IOException {
        Sources roots = new Sources(sources);
        if (output.text) {
            TextSummary.write(coverage, out);
        } else if (output.html != null) {
            out.println("HTML report: " + HtmlReport.write(coverage, roots, output.html));
        } else if (output.lcov != null) {
            try (PrintWriter file = writer(output.lcov)) {
                LcovWriter.write(coverage, roots, file);
                finish(file, output.lcov);
            }
            out.println("LCOV tracefile: " + output.lcov);
        } else {
            try (PrintWriter file = writer(output.jacocoXml)) {
                JacocoXmlWriter.write(coverage, file);
                finish(file, output.jacocoXml);
            }
            out.println("JaCoCo XML report: " + output.jacocoXml);
        }
        out.flush();
    }

    /** A report file; PrintWriter keeps write errors to itself, so {@link #finish} asks. */
    private static PrintWriter writer(Path file) throws IOException {
        return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    private static void finish(PrintWriter file, Path path) throws IOException {
        file.close();
        if (file.checkError()) {
            throw new IOException("error writing " + path);
        }
    }

    /** An I/O error in words: FileSystemException's message is often only the path. */
    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof FileSystemException f) {
            String why = f.getReason() != null ? f.getReason()
                    : f instanceof NoSuchFileException ? "no such file or directory"
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof FileAlreadyExistsException ? "a file is in the way"
                    : f.getClass().getSimpleName();
            return f.getFile() + ": " + why;
        }
        return String.valueOf(cause.getMessage());
    }
}
