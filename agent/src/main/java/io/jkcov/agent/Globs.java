package io.jkcov.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of class-name globs separated by {@code :}, over dotted names ({@code org.example.*}).
 * {@code *} matches any run of characters (dots and {@code $} included, so {@code org.example.*}
 * covers subpackages and nested classes), {@code ?} exactly one.
 *
 * <p>Matched by hand rather than with java.util.regex: the filter runs inside the transformer,
 * and with {@code jdk=true} the regex classes are themselves instrumentation targets whose first
 * use should not happen inside a class load.
 */
public final class Globs {

    private final List<String> patterns;

    private Globs(List<String> patterns) {
        this.patterns = patterns;
    }

    /** An empty string is the empty list, which matches nothing. */
    public static Globs parse(String spec) {
        List<String> list = new ArrayList<>();
        for (String p : spec.split(":")) {
            if (!p.isEmpty()) list.add(p);
        }
        return new Globs(List.copyOf(list));
    }

    public boolean matches(String dottedName) {
        for (String p : patterns) {
            if (glob(p, dottedName)) return true;
        }
        return false;
    }

    /** Iterative wildcard match with one backtrack point: linear in practice, no recursion. */
    static boolean glob(String p, String s) {
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') pi++;
        return pi == p.length();
    }

    @Override
    public String toString() {
        return String.join(":", patterns);
    }
}
