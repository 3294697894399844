package io.jkcov.agent.it;

import java.util.ArrayList;
import java.util.List;

/** Parses the harness's output (jkcovit.harness.Run) into runs of entries. */
public final class Traces {
    private Traces() {}

    /** One CMP record: type, arg1, arg2, ip. */
    public record Cmp(long type, long arg1, long arg2, long ip) {}

    public static String loader(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("loader ")).findFirst().orElseThrow().substring(7);
    }

    public static List<List<Long>> pcRuns(String stdout) {
        List<List<Long>> runs = new ArrayList<>();
        for (String l : lines(stdout)) {
            if (l.startsWith("run ")) runs.add(new ArrayList<>());
            else if (l.startsWith("pc ")) runs.get(runs.size() - 1).add(Long.parseUnsignedLong(l.substring(3), 16));
        }
        return runs;
    }

    public static List<List<Cmp>> cmpRuns(String stdout) {
        List<List<Cmp>> runs = new ArrayList<>();
        for (String l : lines(stdout)) {
            if (l.startsWith("run ")) runs.add(new ArrayList<>());
            else if (l.startsWith("cmp ")) {
                String[] f = l.split(" ");
                runs.get(runs.size() - 1).add(new Cmp(Long.parseUnsignedLong(f[1], 16), Long.parseUnsignedLong(f[2], 16),
                        Long.parseUnsignedLong(f[3], 16), Long.parseUnsignedLong(f[4], 16)));
            }
        }
        return runs;
    }

    private static List<String> lines(String stdout) {
        if (!stdout.contains("\nend")) throw new AssertionError("harness did not finish:\n" + stdout);
        return stdout.lines().toList();
    }
}
