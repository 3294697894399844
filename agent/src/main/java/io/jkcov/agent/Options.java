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
 */
public record Options(Globs includes, Globs excludes, String pcTable, boolean recordClinit, boolean jdk,
        boolean propagate) {

    public static final Options DEFAULTS = new Options(Globs.parse("*"), Globs.parse(""), null, false, false, true);

    /** @throws IllegalArgumentException with a message that starts "jkcov: " and names the option */
    public static Options parse(String args) {
        Globs includes = DEFAULTS.includes;
        Globs excludes = DEFAULTS.excludes;
        String pcTable = DEFAULTS.pcTable;
        boolean clinit = DEFAULTS.recordClinit;
        boolean jdk = DEFAULTS.jdk;
        boolean propagate = DEFAULTS.propagate;
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
                case "jdk" -> jdk = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw bad(option, "jdk must be true or false");
                };
                case "propagate" -> propagate = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw bad(option, "propagate must be true or false");
                };
                default -> throw bad(option,
                        "unknown option '" + key + "' (known: includes, excludes, pctable, clinit, jdk, propagate)");
            }
        }
        return new Options(includes, excludes, pcTable, clinit, jdk, propagate);
    }

    private static IllegalArgumentException bad(String option, String why) {
        return new IllegalArgumentException("jkcov: bad agent option '" + option + "': " + why);
    }
}
