package io.jkcov.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.tools.Processes.Outcome;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@code jkcov report} as a process, on real traces: {@code report.TracedDecoder} runs three
 * packets through the demo's decoder under the agent, in TRACE_PC and in TRACE_CMP, and saves
 * the whole area file, as {@code jkcov run} does. The outputs go to the tools that read them: the
 * HTML to a headless Chromium, the LCOV to genhtml, the XML to JaCoCo's DTD.
 */
class ReportIT {

    /** PacketDecoder's lines with a block, and whether the three packets reach them. */
    static final String COVERED = "20 21 23 26 29 31 33 42 46 47 48 50 64";
    static final String MISSED = "17 24 27 35 37 44 54 55 57 58 60 68";

    private static Path dir;
    private static Path pcTrace;
    private static Path cmpTrace;
    private static Path pctable;
    private static final Path SOURCES = Path.of("src/main/java").toAbsolutePath();

    @BeforeAll
    static void traces() throws Exception {
        dir = Files.createTempDirectory("jkcov-report");
        pcTrace = dir.resolve("pc.kcov");
        cmpTrace = dir.resolve("cmp.kcov");
        pctable = dir.resolve("pctable");
        traced("TRACE_PC", pcTrace, pctable);
        traced("TRACE_CMP", cmpTrace, dir.resolve("pctable.cmp"));
        assertEquals(Files.readString(pctable), Files.readString(dir.resolve("pctable.cmp")));
        assertEquals(4096 * 8, Files.size(pcTrace), "the whole area, not only the counted PCs");
    }

    private static void traced(String mode, Path trace, Path table) throws Exception {
        Process p = new ProcessBuilder(Processes.java().toString(), "-Xshare:off",
                "-javaagent:" + System.getProperty("jkcov.agent.jar") + "=includes=demo.*,pctable=" + table,
                "-cp", "target/test-classes" + java.io.File.pathSeparator + "target/classes",
                "report.TracedDecoder", mode, trace.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    static Outcome jkcov(String... args) throws Exception {
        List<String> report = new ArrayList<>(List.of("report"));
        report.addAll(List.of(args));
        return Processes.run(Processes.jkcov(Processes.java(), report.toArray(String[]::new)), "");
    }

    @Test
    void the_text_summary_counts_lines_methods_and_classes_in_either_mode() throws Exception {
        assertEquals(new Outcome(0, pcTrace + ": TRACE_PC (detected), 24 PCs\n"
                + "                           lines             methods             classes\n"
                + "demo.decoder     13 of 25  52.0%       3 of 6  50.0%       1 of 1 100.0%\n"
                + "total            13 of 25  52.0%       3 of 6  50.0%       1 of 1 100.0%\n", ""),
                jkcov("--trace", pcTrace.toString(), "--pctable", pctable.toString(), "--text"));
        // In TRACE_CMP the units are the comparisons: a line counts if it has one.
        assertEquals(new Outcome(0, cmpTrace + ": TRACE_CMP, 18 records\n"
                + "                           lines             methods             classes\n"
                + "demo.decoder       6 of 8  75.0%       2 of 3  66.7%       1 of 1 100.0%\n"
                + "total              6 of 8  75.0%       2 of 3  66.7%       1 of 1 100.0%\n", ""),
                jkcov("--trace", cmpTrace.toString(), "--pctable", pctable.toString(), "--mode", "cmp", "--text"));
    }

    @Test
    void the_html_report_marks_the_lines_in_a_real_browser() throws Exception {
        Path html = dir.resolve("html");
        assertEquals(new Outcome(0, "HTML report: " + html.resolve("index.html") + "\n", ""),
                jkcov("--trace", pcTrace.toString(), "--pctable", pctable.toString(), "--sources", SOURCES.toString(),
                        "--html", html.toString()));
        Path page = html.resolve("demo.decoder/PacketDecoder.java.src.html");
        String dom = chromium("--dump-dom", page);
        Map<Integer, String> marks = marks(dom);
        assertEquals(expectedMarks(), marks);
        assertTrue(dom.contains("<td class=\"code\">            return \"bad magic\";</td>"), "the source is shown");

        Path png = dir.resolve("source.png");
        chromium("--screenshot=" + png, page);
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
        assertTrue(bytes.length > 20_000, "a page with text and colour, not a blank: " + bytes.length + " bytes");

        String index = chromium("--dump-dom", html.resolve("index.html"));
        assertTrue(index.contains("<a href=\"demo.decoder/index.html\">demo.decoder</a>"), index);
        assertTrue(index.contains("<td class=\"ratio\">13/25</td><td class=\"pct\">52.0%</td>"), index);
    }

    @Test
    void a_cmp_report_shows_the_operands_seen_at_each_comparison() throws Exception {
        Path html = dir.resolve("cmp-html");
        jkcov("--trace", cmpTrace.toString(), "--pctable", pctable.toString(), "--sources", SOURCES.toString(),
                "--html", html.toString());
        String dom = chromium("--dump-dom", html.resolve("demo.decoder/PacketDecoder.java.src.html"));
        assertTrue(dom.contains("<div class=\"cmp\">cmp, 3 records: 0x3 vs constant 0x8, 0x8 vs constant 0x8, "
                + "0xb vs constant 0x8</div>"), dom);
        assertTrue(dom.contains("<div class=\"cmp\">cmp, 2 records: 0x4a4b4356 vs constant 0x4a4b4356</div>"), dom);
        assertTrue(dom.contains("<div class=\"cmp\">switch, 6 records: 0x1 vs constant 0x1, 0x1 vs constant 0x2, "
                + "0x1 vs constant 0x7, 0x2 vs constant 0x1, 0x2 vs constant 0x2, 0x2 vs constant 0x7</div>"), dom);
        Map<Integer, String> marks = marks(dom);
        assertEquals("missed", marks.get(57), "the token comparison in auth never ran");
        assertEquals("covered", marks.get(47));
    }

    @Test
    void genhtml_accepts_the_lcov_tracefile() throws Exception {
        Path info = dir.resolve("coverage.info");
        assertEquals(new Outcome(0, "LCOV tracefile: " + info + "\n", ""),
                jkcov("--trace", pcTrace.toString(), "--pctable", pctable.toString(), "--sources", SOURCES.toString(),
                        "--lcov", info.toString()));
        StringBuilder expected = new StringBuilder("TN:\nSF:" + SOURCES.resolve("demo/decoder/PacketDecoder.java") + "\n");
        for (String fn : List.of("17,PacketDecoder.<init>()V", "20,PacketDecoder.decode([B)Ljava/lang/String;",
                "42,PacketDecoder.data([B)Ljava/lang/String;", "54,PacketDecoder.auth([B)Ljava/lang/String;",
                "64,PacketDecoder.readInt([BI)I", "68,PacketDecoder.readLong([BI)J")) {
            expected.append("FN:").append(fn).append('\n');
        }
        expected.append("FNDA:0,PacketDecoder.<init>()V\nFNDA:3,PacketDecoder.decode([B)Ljava/lang/String;\n"
                + "FNDA:4,PacketDecoder.data([B)Ljava/lang/String;\nFNDA:0,PacketDecoder.auth([B)Ljava/lang/String;\n"
                + "FNDA:2,PacketDecoder.readInt([BI)I\nFNDA:0,PacketDecoder.readLong([BI)J\nFNF:6\nFNH:3\n");
        // How often each line was entered: 3 packets decoded, 2 past the length check, 4 loop tests.
        String counts = "17:0 20:3 21:1 23:2 24:0 26:2 27:0 29:2 31:1 33:1 35:0 37:0 42:1 44:0 46:1 47:4 48:3 "
                + "50:1 54:0 55:0 57:0 58:0 60:0 64:2 68:0";
        for (String c : counts.split(" ")) {
            expected.append("DA:").append(c.replace(':', ',')).append('\n');
        }
        expected.append("LF:25\nLH:13\nend_of_record\n");
        assertEquals(expected.toString(), Files.readString(info));

        Path out = dir.resolve("genhtml"); // genhtml names pages below the paths' common prefix
        Outcome genhtml = Processes.run(List.of("genhtml", "--quiet", "-o", out.toString(), info.toString()), "");
        assertEquals(0, genhtml.exit(), genhtml.err());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        String page = Files.readString(out.resolve("decoder/PacketDecoder.java.gcov.html"));
        assertTrue(page.contains("return &quot;bad magic&quot;;") || page.contains("return \"bad magic\";"), page);
    }

    @Test
    void the_jacoco_xml_is_valid_against_jacocos_dtd() throws Exception {
        for (Path trace : List.of(pcTrace, cmpTrace)) {
            Path xml = dir.resolve(trace.getFileName() + ".xml");
            assertEquals(new Outcome(0, "JaCoCo XML report: " + xml + "\n", ""),
                    jkcov("--trace", trace.toString(), "--pctable", pctable.toString(), "--jacoco-xml", xml.toString()));
            Document doc = validated(xml);
            assertEquals("report", doc.getDocumentElement().getNodeName());
        }
        String xml = Files.readString(dir.resolve("pc.kcov.xml"));
        assertTrue(xml.contains("<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">"), xml);
        assertTrue(xml.contains("<line nr=\"24\" mi=\"1\" ci=\"0\"/>"), xml);
        assertTrue(xml.contains("<line nr=\"47\" mi=\"0\" ci=\"1\"/>"), xml);
        assertTrue(xml.endsWith("  <counter type=\"LINE\" missed=\"12\" covered=\"13\"/>\n"
                + "  <counter type=\"METHOD\" missed=\"3\" covered=\"3\"/>\n"
                + "  <counter type=\"CLASS\" missed=\"0\" covered=\"1\"/>\n</report>\n"), xml);
        assertTrue(!xml.contains("INSTRUCTION") && !xml.contains("BRANCH"), "counts a trace cannot know are not made up");
    }

    @Test
    void bad_input_gets_one_line_and_a_nonzero_exit() throws Exception {
        Path missing = dir.resolve("missing.kcov");
        assertEquals(new Outcome(2, "", "jkcov report: no trace at " + missing + " (give --trace FILE)\n"),
                jkcov("--trace", missing.toString(), "--pctable", pctable.toString(), "--text"));

        Path truncated = dir.resolve("truncated.kcov");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(pcTrace), 8 * 10));
        assertEquals(new Outcome(2, "", "jkcov report: " + truncated
                + " is truncated: its count says 24 PCs (TRACE_PC) but it holds 9\n"),
                jkcov("--trace", truncated.toString(), "--pctable", pctable.toString(), "--text"));
        Path cmpTruncated = dir.resolve("cmp-truncated.kcov");
        Files.write(cmpTruncated, Arrays.copyOf(Files.readAllBytes(cmpTrace), 8 * 13));
        assertEquals(new Outcome(2, "", "jkcov report: " + cmpTruncated
                + " is truncated: its count says 18 records (TRACE_CMP) but it holds 3\n"),
                jkcov("--trace", cmpTruncated.toString(), "--pctable", pctable.toString(), "--text"));
        Path empty = dir.resolve("empty.kcov");
        Files.write(empty, new byte[5]);
        assertEquals(new Outcome(2, "", "jkcov report: " + empty + " is truncated: 5 bytes, not even the count word\n"),
                jkcov("--trace", empty.toString(), "--pctable", pctable.toString(), "--text"));

        Path noTable = dir.resolve("no-pctable");
        assertEquals(new Outcome(2, "", "jkcov report: no PC table at " + noTable + " (give --pctable FILE)\n"),
                jkcov("--trace", pcTrace.toString(), "--pctable", noTable.toString(), "--text"));
        Path badTable = dir.resolve("bad-pctable");
        Files.writeString(badTable, "# jkcov pctable 1\nxyz\n");
        assertEquals(new Outcome(2, "", "jkcov report: cannot read the PC table " + badTable
                + ": pc table line 2: expected 7 tab-separated fields, found 1\n"),
                jkcov("--trace", pcTrace.toString(), "--pctable", badTable.toString(), "--text"));
        assertEquals(new Outcome(2, "", "jkcov report: --mode is pc or cmp, not pcs\n"),
                jkcov("--trace", pcTrace.toString(), "--pctable", pctable.toString(), "--mode", "pcs", "--text"));
        Path unwritable = dir.resolve("no-such-dir/x.info");
        assertEquals(new Outcome(2, "", "jkcov report: cannot write the report: " + unwritable
                + ": no such file or directory\n"),
                jkcov("--trace", pcTrace.toString(), "--pctable", pctable.toString(), "--lcov", unwritable.toString()));
    }

    @Test
    void pcs_the_table_does_not_know_are_counted_and_the_rest_reported() throws Exception {
        // The table without decode's and data's entries: the trace's PCs there become unknown.
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(pctable)) {
            if (!line.contains("\tdecode\t") && !line.contains("\tdata\t")) kept.add(line);
        }
        Path partial = dir.resolve("pctable.partial");
        Files.write(partial, kept);
        Outcome o = jkcov("--trace", pcTrace.toString(), "--pctable", partial.toString(), "--text");
        assertEquals(1, o.exit());
        assertEquals("jkcov report: 22 of 24 PCs (12 distinct PCs) are not blocks of " + partial
                + " (a PC table of other class bytes, or another mode?); reported the rest\n", o.err());
        assertEquals(pcTrace + ": TRACE_PC (detected), 24 PCs\n"
                + "                           lines             methods             classes\n"
                + "demo.decoder       1 of 8  12.5%       1 of 4  25.0%       1 of 1 100.0%\n"
                + "total              1 of 8  12.5%       1 of 4  25.0%       1 of 1 100.0%\n", o.out());
    }

    /** Each source line's mark as the browser sees it: covered, partly, missed, or none. */
    private static Map<Integer, String> marks(String dom) {
        Map<Integer, String> marks = new TreeMap<>();
        Matcher m = Pattern.compile("<tr id=\"L(\\d+)\"(?: class=\"(\\w+)\")?").matcher(dom);
        while (m.find()) {
            if (m.group(2) != null) marks.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return marks;
    }

    private static Map<Integer, String> expectedMarks() {
        Map<Integer, String> expected = new TreeMap<>();
        for (String n : COVERED.split(" ")) expected.put(Integer.parseInt(n), "covered");
        for (String n : MISSED.split(" ")) expected.put(Integer.parseInt(n), "missed");
        return expected;
    }

    /** Debian's chromium, headless, on a fresh profile; its standard output. */
    private static String chromium(String what, Path page) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium");
        Outcome o = Processes.run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,1400", what, page.toUri().toString()), "");
        assertEquals(0, o.exit(), o.err());
        return o.out();
    }

    /** Parses xml with validation against JaCoCo's own report.dtd, found by its public id. */
    private static Document validated(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        var builder = f.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> {
            assertEquals("-//JACOCO//DTD Report 1.1//EN", publicId);
            InputStream dtd = ReportIT.class.getResourceAsStream("/org/jacoco/report/xml/report.dtd");
            assertTrue(dtd != null, "org.jacoco.report on the test class path");
            return new InputSource(dtd);
        });
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        try (Reader r = Files.newBufferedReader(xml)) {
            return builder.parse(new InputSource(r));
        }
    }
}
