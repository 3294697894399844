package io.jkcov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * enable() touches every page of the area first (the kernel's kcov_fault_in_area), so the hot
 * path never takes a page fault. Shown by the mapping's resident size in /proc/self/smaps.
 */
class FaultInTest {

    @Test
    void every_page_is_resident_after_enable_and_none_before() throws IOException {
        long words = 4L << 20; // 32 MiB
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(words);
            String file = kcov.areaFile().toString();
            assertEquals(0, residentKiB(file), "nothing is touched by initTrace");
            kcov.enable(Mode.TRACE_PC);
            assertEquals(words * 8 / 1024, residentKiB(file));
            kcov.disable();
        }
    }

    /** The Rss of the mapping of {@code file} in this process, in KiB. */
    static long residentKiB(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).endsWith(file)) continue;
            for (int j = i + 1; j < lines.size(); j++) {
                String l = lines.get(j);
                if (l.startsWith("Rss:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        assertTrue(false, "no mapping of " + file + " in /proc/self/smaps");
        return -1;
    }
}
