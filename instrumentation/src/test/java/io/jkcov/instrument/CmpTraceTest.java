package io.jkcov.instrument;

import static io.jkcov.instrument.Instrumented.CONST;
import static io.jkcov.instrument.Instrumented.SIZE4;
import static io.jkcov.instrument.Instrumented.SIZE8;
import static io.jkcov.instrument.Instrumented.cmp;
import static io.jkcov.instrument.Instrumented.switchCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import example.targets.Branches;
import example.targets.Longs;
import example.targets.Loops;
import example.targets.Switches;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TRACE_CMP: the exact records (type, arg1, arg2, ip) of kcov-model.md section 3. */
class CmpTraceTest {

    private final Instrumented targets =
            Instrumented.with(Branches.class, Longs.class, Switches.class, Loops.class);

    private List<String> trace(Traces.Body body) throws Throwable {
        return targets.describe(Traces.cmps(body));
    }

    @Test
    void if_icmp_without_a_literal_records_left_then_right() throws Throwable {
        assertEquals(List.of(cmp(SIZE4, 3, 9, Branches.class, "max", "max.if")),
                trace(() -> targets.call(Branches.class, "max", 3, 9)));
    }

    @Test
    void if_icmp_with_a_literal_records_the_literal_first_on_either_side() throws Throwable {
        int a = 6;
        assertEquals(List.of(
                        cmp(CONST | SIZE4, 5, a, Branches.class, "literals", "lit.right"),      // a > 5
                        cmp(CONST | SIZE4, 7, a, Branches.class, "literals", "lit.left"),       // 7 < a
                        cmp(CONST | SIZE4, 1000, a, Branches.class, "literals", "lit.sipush"),
                        cmp(CONST | SIZE4, 100000, a, Branches.class, "literals", "lit.ldc"),
                        // a == -1: an int literal is zero-extended, as the kernel does.
                        cmp(CONST | SIZE4, 0xFFFF_FFFFL, a, Branches.class, "literals", "lit.negative"),
                        cmp(CONST | SIZE4, 0, a, Branches.class, "literals", "lit.zero"),        // ifeq
                        // 3 < limit: a literal left of a getstatic.
                        cmp(CONST | SIZE4, 3, 10, Branches.class, "literals", "lit.static")),
                trace(() -> targets.call(Branches.class, "literals", a)));
    }

    @Test
    void a_negative_operand_is_zero_extended() throws Throwable {
        assertEquals(List.of(cmp(SIZE4, 0xFFFF_FFFEL, 0x8000_0000L, Branches.class, "max", "max.if")),
                trace(() -> targets.call(Branches.class, "max", -2, Integer.MIN_VALUE)));
    }

    @Test
    void if_against_zero_records_the_literal_zero_first() throws Throwable {
        assertEquals(List.of(cmp(CONST | SIZE4, 0, 1, Branches.class, "flag", "flag.if")),
                trace(() -> targets.call(Branches.class, "flag", true)));
    }

    @Test
    void floats_doubles_and_references_record_nothing() throws Throwable {
        assertEquals(List.of(), trace(() -> targets.call(Branches.class, "untraced",
                2.0f, 1.0, null, new Object())));
    }

    @Test
    void lcmp_records_once_with_literals_first_and_its_if_records_nothing() throws Throwable {
        long l = -1;
        long m = 1L << 40;
        assertEquals(List.of(
                        cmp(CONST | SIZE8, 10, l, Longs.class, "compare", "long.right"),   // l > 10L
                        cmp(CONST | SIZE8, 0, l, Longs.class, "compare", "long.left"),     // 0L == l
                        cmp(SIZE8, l, m, Longs.class, "compare", "long.plain"),            // l < m
                        cmp(CONST | SIZE8, -1L, l, Longs.class, "compare", "long.negative")),
                trace(() -> assertEquals(4 | 8, targets.call(Longs.class, "compare", l, m))));
    }

    @Test
    void tableswitch_records_every_case_from_low_to_high() throws Throwable {
        assertEquals(List.of(
                        switchCase(1, 7, Switches.class, "dense", "dense.switch"),
                        switchCase(2, 7, Switches.class, "dense", "dense.switch"),
                        switchCase(3, 7, Switches.class, "dense", "dense.switch")),
                trace(() -> targets.call(Switches.class, "dense", 7)));
    }

    @Test
    void lookupswitch_records_every_key_in_order() throws Throwable {
        assertEquals(List.of(
                        switchCase(0xFFFF_FFFBL, 100, Switches.class, "sparse", "sparse.switch"),
                        switchCase(100, 100, Switches.class, "sparse", "sparse.switch"),
                        switchCase(1000, 100, Switches.class, "sparse", "sparse.switch")),
                trace(() -> targets.call(Switches.class, "sparse", 100)));
    }

    @Test
    void a_loop_condition_records_on_every_test() throws Throwable {
        assertEquals(List.of(
                        cmp(SIZE4, 0, 2, Loops.class, "sum", "sum.cond"),
                        cmp(SIZE4, 1, 2, Loops.class, "sum", "sum.cond"),
                        cmp(SIZE4, 2, 2, Loops.class, "sum", "sum.cond")),
                trace(() -> targets.call(Loops.class, "sum", 2)));
        assertEquals(List.of(
                        cmp(CONST | SIZE4, 0, 1, Loops.class, "countDown", "down.cond"),
                        cmp(CONST | SIZE4, 0, 0, Loops.class, "countDown", "down.cond")),
                trace(() -> targets.call(Loops.class, "countDown", 2)));
    }
}
