package io.jkcov.wholeprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints run.sh's tables from its results file: one line per run, {@code key=value} fields
 * ({@code section}, {@code config}, {@code round}, the workload's RESULT fields, {@code wall_ms}
 * measured by the script). For each configuration: the median and [min, max] of a metric over
 * the rounds, and the ratio of medians to the section's first configuration (the baseline).
 */
public final class Summary {

    public static void main(String[] args) throws IOException {
        Map<String, Map<String, List<Map<String, String>>>> sections = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) continue;
            Map<String, String> f = new LinkedHashMap<>();
            for (String kv : line.trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                if (eq > 0) f.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            sections.computeIfAbsent(f.get("section"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.get("config"), k -> new ArrayList<>()).add(f);
        }
        for (var s : sections.entrySet()) {
            switch (s.getKey()) {
                case "cpu" -> table("CPU workload (bzip2 + Jackson): work phase, ms", s.getValue(),
                        new String[] {"work_ms", "cpu_ms", "main_cpu_ms", "total_ms"}, false);
                case "pool" -> table("Thread-pool workload: microseconds per task (work phase / tasks)", s.getValue(),
                        new String[] {"work_ms", "cpu_ms", "total_ms"}, true);
                case "startup" -> startup(s.getValue());
                default -> { }
            }
        }
    }

    private static void table(String title, Map<String, List<Map<String, String>>> configs, String[] metrics, boolean perTask) {
        System.out.println();
        System.out.println("== " + title);
        StringBuilder h = new StringBuilder(String.format("%-26s %3s", "config", "n"));
        for (String m : metrics) h.append(String.format(" | %-30s", m + (perTask ? "/task" : "") + " median [min-max] xbase"));
        h.append(" | paired cpu ratio med [min-max]");
        System.out.println(h);
        List<Map<String, String>> baseRuns = configs.values().iterator().next();
        Map<String, Double> base = new LinkedHashMap<>();
        boolean first = true;
        for (var c : configs.entrySet()) {
            StringBuilder row = new StringBuilder(String.format("%-26s %3d", c.getKey(), c.getValue().size()));
            for (String m : metrics) {
                double[] v = c.getValue().stream().mapToDouble(r -> value(r, m, perTask)).sorted().toArray();
                double med = median(v);
                if (first) base.put(m, med);
                row.append(String.format(" | %8.1f [%8.1f-%8.1f] %5.2fx", med, v[0], v[v.length - 1], med / base.get(m)));
            }
            first = false;
            row.append(" | ").append(paired(baseRuns, c.getValue(), perTask));
            System.out.println(row);
            String extra = c.getValue().get(0).entrySet().stream()
                    .filter(e -> List.of("trace", "area_words", "inputs", "max_entries_per_input", "overflowed_inputs", "tasks").contains(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("");
            if (!extra.isEmpty()) System.out.println(String.format("%-30s (%s)", "", extra));
        }
    }

    /**
     * The ratio to the baseline run of the same round (interleaved, so the two ran minutes
     * apart under similar load), on process CPU time: median and range over the rounds.
     */
    private static String paired(List<Map<String, String>> base, List<Map<String, String>> runs, boolean perTask) {
        List<Double> ratios = new ArrayList<>();
        for (Map<String, String> r : runs) {
            for (Map<String, String> b : base) {
                if (b.get("round").equals(r.get("round"))) ratios.add(value(r, "cpu_ms", perTask) / value(b, "cpu_ms", perTask));
            }
        }
        if (ratios.isEmpty()) return "-";
        double[] v = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("%5.2fx [%5.2f-%5.2f]", median(v), v[0], v[v.length - 1]);
    }

    private static void startup(Map<String, List<Map<String, String>>> configs) {
        System.out.println();
        System.out.println("== Agent start-up: defining every class of the library jars (Class.forName, no init)");
        System.out.println(String.format("%-26s %3s %7s | %-24s | %-24s | %-22s | %s", "config", "n", "classes",
                "load wall ms med [min-max]", "load main-thread CPU ms", "launch->main ms", "classes/s (wall; main CPU)"));
        double baseWall = 0;
        double baseCpu = 0;
        boolean first = true;
        for (var c : configs.entrySet()) {
            List<Map<String, String>> runs = c.getValue();
            double[] wall = runs.stream().mapToDouble(r -> value(r, "work_ms", false)).sorted().toArray();
            double[] cpu = runs.stream().mapToDouble(r -> value(r, "main_cpu_ms", false)).sorted().toArray();
            double[] atMain = runs.stream().mapToDouble(r -> value(r, "main_at_ms", false)).sorted().toArray();
            double classes = value(runs.get(0), "classes", false);
            String rate = "-";
            if (first) {
                baseWall = median(wall);
                baseCpu = median(cpu);
            } else {
                rate = String.format("%.0f; %.0f", classes / ((median(wall) - baseWall) / 1000),
                        classes / ((median(cpu) - baseCpu) / 1000));
            }
            first = false;
            System.out.println(String.format("%-26s %3d %7.0f | %7.1f [%6.1f-%7.1f] | %7.1f [%6.1f-%7.1f] | %6.1f [%5.1f-%6.1f] | %s",
                    c.getKey(), runs.size(), classes, median(wall), wall[0], wall[wall.length - 1],
                    median(cpu), cpu[0], cpu[cpu.length - 1], median(atMain), atMain[0], atMain[atMain.length - 1], rate));
        }
    }

    private static double value(Map<String, String> r, String key, boolean perTask) {
        String v = r.get(key);
        if (v == null) return Double.NaN;
        double d = Double.parseDouble(v);
        return perTask ? d * 1000 / Double.parseDouble(r.get("tasks")) : d;
    }

    private static double median(double[] sorted) {
        double[] v = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
