package io.jkcov.wholeprocess;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} pairs; every key must be known. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, String... known) {
        for (int i = 0; i < args.length; i += 2) {
            String k = args[i];
            if (!k.startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("bad argument " + k);
            k = k.substring(2);
            if (!java.util.List.of(known).contains(k)) throw new IllegalArgumentException("unknown option --" + k);
            values.put(k, args[i + 1]);
        }
    }

    String get(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    long getLong(String key, long dflt) {
        String v = values.get(key);
        return v == null ? dflt : Long.decode(v);
    }

    /**
     * Milliseconds since run.sh launched the JVM ({@code -Dwp.launchNanos=$(date +%s%N)}), NaN
     * when not given; so JVM start-up is included, JVM exit is not.
     */
    static double sinceLaunchMs() {
        String launch = System.getProperty("wp.launchNanos");
        if (launch == null) return Double.NaN;
        java.time.Instant now = java.time.Instant.now();
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return (nowNanos - Long.parseLong(launch)) / 1e6;
    }
}
