package io.jkcov.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcIndexTest {

    @Test
    void finds_what_a_hash_map_finds_while_it_grows() {
        PcIndex index = new PcIndex(2);
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long pc = random.nextLong() | 1;
            expected.putIfAbsent(pc, i);
            assertEquals((int) expected.get(pc), index.putIfAbsent(pc, i));
        }
        assertEquals(expected.size(), index.size());
        expected.forEach((pc, value) -> assertEquals((int) value, index.get(pc)));
        assertEquals(-1, index.get(42));
    }

    @Test
    void pcs_that_share_their_low_bits_are_told_apart() {
        PcIndex index = new PcIndex(4);
        for (int i = 1; i <= 64; i++) index.putIfAbsent((long) i << 40, i);
        for (int i = 1; i <= 64; i++) assertEquals(i, index.get((long) i << 40));
        assertEquals(-1, index.get(65L << 40));
    }
}
