package jkcovit.targets;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Work inside the JDK, for jdk=true. */
public final class JdkWork {
    public static void run() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < 20; i++) m.put("k" + i, i);
        String s = String.format("%d-%s-%08x", m.get("k7"), "x", 255);
        if (!Pattern.compile("(\\d+)-x-0+ff").matcher(s).matches()) throw new AssertionError(s);
    }
}
