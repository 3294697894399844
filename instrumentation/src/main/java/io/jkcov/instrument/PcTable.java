package io.jkcov.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The PC table on disk (docs/pc-table.md): a header line, then one tab-separated line per PC.
 * <pre>
 * # jkcov pctable 1
 * 3c0f5e1d2a9b8c77	BLOCK	com/example/Foo	bar	(I)I	Foo.java	42
 * </pre>
 * Fields: pc (16 lowercase hex digits), kind, class (internal name), method, descriptor,
 * source file ({@code -} if none), line ({@code -1} if none). Backslash, tab, CR and LF inside a
 * field are written {@code \\ \t \r \n}, and a source file named "-" is written {@code \-}, so
 * any JVM name survives (JVMS 4.2.2 allows tabs in names). Tables may be appended one after
 * another; each starts with its header.
 */
public final class PcTable {

    static final String HEADER = "# jkcov pctable 1";
    private static final String HEADER_PREFIX = "# jkcov pctable ";
    private static final String ABSENT = "-";
    private static final int FIELDS = 7;

    private PcTable() {}

    /** Appends one table (header included) holding entries, in their order. */
    public static void write(Writer out, List<PcEntry> entries) throws IOException {
        StringBuilder s = new StringBuilder(64 + 96 * entries.size());
        s.append(HEADER).append('\n');
        out.write(lines(s, entries).toString());
    }

    /** A table's first line, newline included: what {@link #write} writes before the entries. */
    public static String header() {
        return HEADER + "\n";
    }

    /**
     * The lines {@link #write} writes for entries, without the header: for a writer that formats
     * parts of one table on several threads and writes them in order after one {@link #header()}.
     */
    public static String lines(List<PcEntry> entries) {
        return lines(new StringBuilder(96 * entries.size()), entries).toString();
    }

    private static StringBuilder lines(StringBuilder s, List<PcEntry> entries) {
        for (PcEntry e : entries) {
            String hex = Long.toHexString(e.pc());
            s.append("0".repeat(16 - hex.length())).append(hex)
                    .append('\t').append(e.kind().name())
                    .append('\t').append(escape(e.className()))
                    .append('\t').append(escape(e.method()))
                    .append('\t').append(escape(e.descriptor()))
                    .append('\t').append(e.sourceFile() == null ? ABSENT
                            : e.sourceFile().equals(ABSENT) ? "\\-" : escape(e.sourceFile()))
                    .append('\t').append(e.line())
                    .append('\n');
        }
        return s;
    }

    /**
     * Reads every entry of one or more appended tables, in order.
     *
     * @throws IOException on a read error, or a malformed line (its 1-based number in the message)
     */
    public static List<PcEntry> read(Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<PcEntry> entries = new ArrayList<>();
        boolean headerSeen = false;
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith(HEADER_PREFIX)) {
                    if (!line.equals(HEADER)) {
                        throw malformed(number, "unsupported table version: " + line);
                    }
                    headerSeen = true;
                }
                continue; // any other comment
            }
            if (!headerSeen) {
                throw malformed(number, "entry before the '" + HEADER + "' header");
            }
            entries.add(parse(line, number));
        }
        return entries;
    }

    private static PcEntry parse(String line, int number) throws IOException {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            throw malformed(number, "expected " + FIELDS + " tab-separated fields, found " + f.length);
        }
        if (f[0].length() != 16) {
            throw malformed(number, "pc must be 16 hex digits: '" + f[0] + "'");
        }
        long pc;
        try {
            pc = Long.parseUnsignedLong(f[0], 16);
        } catch (NumberFormatException e) {
            throw malformed(number, "pc is not hexadecimal: '" + f[0] + "'");
        }
        if (pc == 0) {
            throw malformed(number, "pc 0 is reserved");
        }
        PcEntry.Kind kind;
        try {
            kind = PcEntry.Kind.valueOf(f[1]);
        } catch (IllegalArgumentException e) {
            throw malformed(number, "unknown kind '" + f[1] + "'");
        }
        int lineNumber;
        try {
            lineNumber = Integer.parseInt(f[6]);
        } catch (NumberFormatException e) {
            throw malformed(number, "line is not a number: '" + f[6] + "'");
        }
        if (lineNumber < -1) {
            throw malformed(number, "line must be -1 or more: " + lineNumber);
        }
        String source = f[5].equals(ABSENT) ? null : unescape(f[5], number);
        return new PcEntry(pc, kind, unescape(f[2], number), unescape(f[3], number),
                unescape(f[4], number), source, lineNumber);
    }

    private static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (e != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (e != null) {
                    out.append(e);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static String unescape(String s, int number) throws IOException {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw malformed(number, "field ends in a lone backslash");
            }
            switch (s.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '-' -> out.append('-');
                default -> throw malformed(number, "unknown escape '\\" + s.charAt(i) + "'");
            }
        }
        return out.toString();
    }

    private static IOException malformed(int number, String what) {
        return new IOException("pc table line " + number + ": " + what);
    }
}
