package io.jkcov;

import static io.jkcov.Kcov.KCOV_CMP_CONST;
import static io.jkcov.Kcov.KCOV_CMP_SIZE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Trace;
import java.nio.LongBuffer;
import org.junit.jupiter.api.Test;

/**
 * The area's layout (kcov-model.md section 2), driven through the hot path's entry points as
 * instrumented code would call them.
 */
class AreaLayoutTest {

    private static final long SIZE4 = KCOV_CMP_SIZE(2);
    private static final long SIZE8 = KCOV_CMP_SIZE(3);

    @Test
    void trace_pc_appends_every_pc_in_order_with_repeats() {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(16);
            kcov.enable(Mode.TRACE_PC);
            Trace.pc(0x10);
            Trace.pc(0x20);
            Trace.pc(0x10);
            kcov.disable();
            Trace.pc(0x30); // after disable: nothing
            assertArrayEquals(new long[] {3, 0x10, 0x20, 0x10}, words(kcov.area(), 4));
            assertEquals(0, kcov.area().get(4));
        }
    }

    @Test
    void trace_pc_holds_exactly_size_minus_one_pcs() {
        for (int size : new int[] {2, 3, 8}) {
            try (Kcov kcov = Kcov.open()) {
                kcov.initTrace(size);
                kcov.enable(Mode.TRACE_PC);
                for (int i = 1; i < size; i++) Trace.pc(i);
                assertFalse(kcov.overflowed(), "exactly full is not an overflow");
                Trace.pc(99);
                Trace.pc(100);
                kcov.disable();
                LongBuffer area = kcov.area();
                assertEquals(size - 1, area.get(0));
                for (int i = 1; i < size; i++) assertEquals(i, area.get(i));
                assertTrue(kcov.overflowed());
            }
        }
    }

    @Test
    void trace_pc_ignores_comparisons_and_trace_cmp_ignores_pcs() {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(16);
            kcov.enable(Mode.TRACE_PC);
            Trace.cmp4(1, 2, 7);
            Trace.pc(5);
            kcov.disable();
            kcov.enable(Mode.TRACE_CMP);
            kcov.reset();
            Trace.pc(6);
            Trace.cmp4(1, 2, 7);
            kcov.disable();
            assertArrayEquals(new long[] {1, SIZE4, 1, 2, 7}, words(kcov.area(), 5));
        }
    }

    @Test
    void cmp_records_have_kcov_types_and_zero_extended_operands() {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(64);
            kcov.enable(Mode.TRACE_CMP);
            Trace.cmp4(-1, 3, 0xA);
            Trace.constCmp4(42, -2, 0xB);
            assertEquals(-1, Trace.lcmp(-5L, 7L, 0xC));
            assertEquals(0, Trace.lcmpConstRight(9L, 9L, 0xD));
            assertEquals(1, Trace.lcmpConstLeft(10L, 3L, 0xE));
            kcov.disable();
            assertArrayEquals(new long[] {5,
                    SIZE4, 0xFFFF_FFFFL, 3, 0xA,
                    KCOV_CMP_CONST | SIZE4, 42, 0xFFFF_FFFEL, 0xB,
                    SIZE8, -5L, 7, 0xC,
                    KCOV_CMP_CONST | SIZE8, 9, 9, 0xD,
                    KCOV_CMP_CONST | SIZE8, 10, 3, 0xE}, words(kcov.area(), 21));
        }
    }

    @Test
    void lcmp_entry_points_return_lcmp_results_whether_or_not_tracing() {
        long[] values = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
        for (long a : values) {
            for (long b : values) {
                int expected = Long.compare(a, b);
                assertEquals(expected, Trace.lcmp(a, b, 1));
                assertEquals(expected, Trace.lcmpConstLeft(a, b, 1));
                assertEquals(expected, Trace.lcmpConstRight(a, b, 1));
            }
        }
    }

    @Test
    void switches_give_one_const_record_per_case() {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(64);
            kcov.enable(Mode.TRACE_CMP);
            Trace.tableSwitch(-1, -2, 0, 0x51);
            Trace.switchCase(7, 1000, 0x52);
            kcov.disable();
            long c = KCOV_CMP_CONST | SIZE4;
            assertArrayEquals(new long[] {4,
                    c, 0xFFFF_FFFEL, 0xFFFF_FFFFL, 0x51,
                    c, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0x51,
                    c, 0, 0xFFFF_FFFFL, 0x51,
                    c, 1000, 7, 0x52}, words(kcov.area(), 17));
        }
    }

    @Test
    void trace_cmp_appends_whole_records_only() {
        // A record fits iff 1 + 4 * (count + 1) <= size.
        int[][] sizeToRecords = {{4, 0}, {5, 1}, {8, 1}, {9, 2}, {12, 2}, {13, 3}};
        for (int[] c : sizeToRecords) {
            int size = c[0];
            try (Kcov kcov = Kcov.open()) {
                kcov.initTrace(size);
                kcov.enable(Mode.TRACE_CMP);
                for (int i = 0; i < 5; i++) Trace.cmp4(i, i, i);
                kcov.disable();
                LongBuffer area = kcov.area();
                assertEquals(c[1], area.get(0), "records in an area of " + size + " words");
                for (int w = 1 + 4 * c[1]; w < size; w++) assertEquals(0, area.get(w), "word " + w + " untouched");
                assertTrue(kcov.overflowed());
            }
        }
    }

    @Test
    void storing_zero_into_the_count_while_enabled_starts_a_new_trace() {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(8);
            LongBuffer area = kcov.area();
            kcov.enable(Mode.TRACE_PC);
            for (int i = 0; i < 20; i++) Trace.pc(1);
            assertTrue(kcov.overflowed());
            area.put(0, 0);
            assertFalse(kcov.overflowed(), "a reset by a reader ends the overflow");
            Trace.pc(0xAA);
            Trace.pc(0xBB);
            kcov.disable();
            assertArrayEquals(new long[] {2, 0xAA, 0xBB}, words(area, 3));
        }
    }

    @Test
    void a_count_corrupted_by_a_reader_drops_entries_and_writes_nothing() {
        // Past the end, negative, and counts whose low 28 bits are a valid count (the writes
        // compute the index from those bits alone, so the others must be tested): 2^28, 2^31
        // (negative as an int), 2^32 + 1, 2^40 + 1.
        long[] bad = {-1, Long.MIN_VALUE, 7, 8, Long.MAX_VALUE,
                1L << 28, 1L << 31, (1L << 32) + 1, (1L << 40) + 1};
        for (Mode mode : Mode.values()) {
            try (Kcov kcov = Kcov.open()) {
                kcov.initTrace(8);
                LongBuffer area = kcov.area();
                kcov.enable(mode);
                for (long count : bad) {
                    area.put(0, count);
                    Trace.pc(5);
                    Trace.cmp4(1, 1, 1);
                    assertEquals(count, area.get(0), mode + ", count " + count);
                }
                kcov.disable();
                for (int i = 1; i < 8; i++) assertEquals(0, area.get(i), mode + ", word " + i);
            }
        }
    }

    static long[] words(LongBuffer area, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = area.get(i);
        return out;
    }
}
