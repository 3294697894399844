package io.jkcov.agent;

import java.util.HashSet;
import java.util.Set;

/**
 * The agent's options, JaCoCo-style {@code key=value,key=value}. Parsing is strict: an unknown
 * key, a repeated key or a malformed value is an error that names the option, because an agent
 * that silently ignores a typo records the wrong thing for hours.
 *
 * @param includes   classes to instrument (dotted-name globs)
 * @param excludes   classes never to instrument, even when included
 * @param pcTable    file the PC table is written to, or null
 * @param recordClinit whether static initialisers are recorded ({@code clinit=record})
 * @param jdk        whether JDK classes are instrumented
 * @param propagate  whether common handles are carried across threads and pools (docs/remote.md)
 * @param lazy       whether instrumenting waits for the first enable ({@code lazy=true}; docs/agent.md)
 * @param run        what {@code jkcov run} asks for: the program traced from the start, or null
 */
public record Options(Globs includes, Globs excludes, String pcTable, boolean recordClinit, boolean jdk,
        boolean propagate, boolean lazy, Run run) {

    public static final Options DEFAULTS =
            new Options(Globs.parse("*"), Globs.parse(""), null, false, false, true, false, null);

    /**
     * Kcov.MAX_WORDS, repeated because this class is loaded before the runtime is on the
     * bootstrap class path and must not resolve a runtime class (see JkcovAgent). A test checks
     * that the two agree.
     */
    static final long MAX_WORDS = Integer.MAX_VALUE / 8;

    /**
     * The {@code trace=} options: trace the main thread from before {@code main} and carry a
     * common handle into everything it spawns; write both at exit (docs/run.md).
     *
     * @param mode         the KCOV mode number: 0 TRACE_PC, 1 TRACE_CMP
     * @param areaWords    size of each of the two areas (the main thread's, the spawned work's)
     * @param sectionWords size of the buffer of each section of spawned work
     * @param out          directory for trace.kcov and summary.txt
     */
    public record Run(int mode, long areaWords, long sectionWords, String out) {
        static final long DEFAULT_AREA_WORDS = 1 << 22;
        static final long DEFAULT_SECTION_WORDS = 1 << 16;
    }

    /** @throws IllegalArgumentException with a message that starts "jkcov: " and names the option */
    public static Options parse(String args) {
        Globs includes = DEFAULTS.includes;
        Globs excludes = DEFAULTS.excludes;
        String pcTable = DEFAULTS.pcTable;
        boolean clinit = DEFAULTS.recordClinit;
        boolean jdk = DEFAULTS.jdk;
        boolean propagate = DEFAULTS.propagate;
        boolean lazy = DEFAULTS.lazy;
        int mode = -1;
        long areaWords = Run.DEFAULT_AREA_WORDS;
        long sectionWords = Run.DEFAULT_SECTION_WORDS;
        String out = null;
        if (args == null || args.isEmpty()) return DEFAULTS;
        Set<String> seen = new HashSet<>();
        for (String option : args.split(",", -1)) {
            int eq = option.indexOf('=');
            if (eq <= 0) throw bad(option, "expected key=value");
            String key = option.substring(0, eq);
            String value = option.substring(eq + 1);
            if (!seen.add(key)) throw bad(option, "option '" + key + "' given twice");
            switch (key) {
                case "includes" -> {
                    if (value.isEmpty()) throw bad(option, "includes: no pattern (use * for all)");
                    includes = Globs.parse(value);
                }
                case "excludes" -> excludes = Globs.parse(value);
                case "pctable" -> {
                    if (value.isEmpty()) throw bad(option, "pctable: no file name");
                    pcTable = value;
                }
                case "clinit" -> clinit = switch (value) {
                    case "skip" -> false;
                    case "record" -> true;
                    default -> throw bad(option, "clinit must be skip or record");
                };
                case "jdk" -> jdk = bool(option, key, value);
                case "propagate" -> propagate = bool(option, key, value);
                case "lazy" -> lazy = bool(option, key, value);
                case "trace" -> mode = switch (value) {
                    case "pc" -> 0;
                    case "cmp" -> 1;
                    default -> throw bad(option, "trace must be pc or cmp");
                };
                case "areawords" -> areaWords = words(option, value, 2);
                case "sectionwords" -> sectionWords = words(option, value, 2);
                case "out" -> {
                    if (value.isEmpty()) throw bad(option, "out: no directory name");
                    out = value;
                }
                default -> throw bad(option, "unknown option '" + key + "' (known: includes, excludes, pctable,"
                        + " clinit, jdk, propagate, lazy, trace, areawords, sectionwords, out)");
            }
        }
        Run run = null;
        if (mode >= 0) {
            if (out == null) throw bad("trace=" + (mode == 0 ? "pc" : "cmp"), "trace needs out=DIR, where the trace goes");
            if (!propagate) throw bad("propagate=false", "trace carries a common handle, which needs propagate=true");
            run = new Run(mode, areaWords, sectionWords, out);
        } else {
            for (String k : new String[] {"areawords", "sectionwords", "out"}) {
                if (seen.contains(k)) throw bad(k + "=...", k + " only goes with trace=pc or trace=cmp");
            }
        }
        return new Options(includes, excludes, pcTable, clinit, jdk, propagate, lazy, run);
    }

    private static boolean bool(String option, String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(option, key + " must be true or false");
        };
    }

    private static long words(String option, String value, long min) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad(option, "not a number of words");
        }
        if (n < min || n > MAX_WORDS) throw bad(option, "out of range [" + min + ", " + MAX_WORDS + "]");
        return n;
    }

    private static IllegalArgumentException bad(String option, String why) {
        return new IllegalArgumentException("jkcov: bad agent option '" + option + "': " + why);
    }
}
