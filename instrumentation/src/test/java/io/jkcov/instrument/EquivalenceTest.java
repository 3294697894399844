package io.jkcov.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.targets.Branches;
import example.targets.Ctor;
import example.targets.Handlers;
import example.targets.Longs;
import example.targets.Loops;
import example.targets.Switches;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Instrumented code behaves as the original: results, exceptions, stack-trace lines; and PCs are stable. */
class EquivalenceTest {

    private static final Class<?>[] TARGETS = {
        Branches.class, Longs.class, Switches.class, Handlers.class, Loops.class, Ctor.class
    };

    private static final int[] INTS = {Integer.MIN_VALUE, -1000, -5, -2, -1, 0, 1, 2, 3, 5, 6, 7, 8,
        100, 999, 1000, 1001, 99999, 100000, Integer.MAX_VALUE};

    /** What a call did, as the caller sees it: a value, or an exception with its target frames. */
    private static String outcome(Instrumented targets, Class<?> target, String method, Object... args) {
        try {
            return "returned " + targets.call(target, method, args);
        } catch (Throwable t) {
            List<String> frames = new ArrayList<>();
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("example.")) {
                    frames.add(e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber());
                }
            }
            return "threw " + t + " at " + frames;
        }
    }

    @ParameterizedTest
    @EnumSource(Instrumenter.Clinit.class)
    void instrumented_code_returns_and_throws_as_the_original(Instrumenter.Clinit clinit) throws Throwable {
        Instrumented original = Instrumented.original(TARGETS);
        Instrumented instrumented = Instrumented.with(clinit, TARGETS);
        List<Object[]> calls = new ArrayList<>();
        for (int a : INTS) {
            calls.add(new Object[] {Branches.class, "literals", a});
            calls.add(new Object[] {Switches.class, "dense", a});
            calls.add(new Object[] {Switches.class, "sparse", a});
            calls.add(new Object[] {Loops.class, "countDown", a});
            calls.add(new Object[] {Handlers.class, "parse", Integer.toString(a)});
            calls.add(new Object[] {Longs.class, "compare", (long) a, (long) a * a});
            calls.add(new Object[] {Longs.class, "compare", (long) a << 33, -1L});
            for (int b : new int[] {-1, 0, 1, 7}) {
                calls.add(new Object[] {Branches.class, "max", a, b});
                calls.add(new Object[] {Handlers.class, "divide", a, b});
                calls.add(new Object[] {Handlers.class, "guarded", a, b});
            }
        }
        calls.add(new Object[] {Loops.class, "sum", 50});
        calls.add(new Object[] {Handlers.class, "parse", "not a number"});
        calls.add(new Object[] {Branches.class, "untraced", 2f, 1.0, null, null});
        int exceptions = 0;
        for (Object[] call : calls) {
            Class<?> target = (Class<?>) call[0];
            String method = (String) call[1];
            Object[] args = Arrays.copyOfRange(call, 2, call.length);
            String expected = outcome(original, target, method, args);
            assertEquals(expected, outcome(instrumented, target, method, args),
                    method + Arrays.toString(args));
            if (expected.startsWith("threw")) {
                exceptions++;
            }
        }
        assertTrue(exceptions > 20, "the grid must exercise exceptions: " + exceptions);
    }

    @Test
    void a_thrown_exception_keeps_the_line_of_the_source() throws Throwable {
        Instrumented instrumented = Instrumented.with(Handlers.class);
        String thrown = outcome(instrumented, Handlers.class, "divide", -3, 1);
        assertTrue(thrown.contains("Handlers.divide:" + Markers.line(Handlers.class, "divide.throw")), thrown);
        String divided = outcome(instrumented, Handlers.class, "guarded", 3, 0);
        assertEquals("returned 3", divided); // caught: -1 + (a + 1)
        String byZero = outcome(instrumented, Handlers.class, "divide", 3, 0);
        assertTrue(byZero.contains("Handlers.divide:" + Markers.line(Handlers.class, "divide.div")), byZero);
    }

    @Test
    void a_constructor_builds_the_same_object() throws Throwable {
        Object o = Instrumented.with(Ctor.class).construct(Ctor.class, -21);
        assertEquals(42, o.getClass().getField("value").get(o));
    }

    @Test
    void the_same_bytes_give_the_same_pcs_and_bytes_every_time() {
        for (Class<?> target : TARGETS) {
            byte[] bytes = Instrumented.bytesOf(target);
            Result first = new Instrumenter(Instrumenter.Clinit.SKIP).instrument(bytes);
            // Another instrumenter, after other classes: nothing carries over.
            Instrumenter other = new Instrumenter(Instrumenter.Clinit.SKIP);
            for (Class<?> t : TARGETS) {
                other.instrument(Instrumented.bytesOf(t));
            }
            Result second = other.instrument(bytes.clone());
            assertEquals(first.pcs(), second.pcs(), target.getName());
            assertArrayEquals(first.bytes(), second.bytes(), target.getName());
        }
    }

    @Test
    void pcs_are_nonzero_and_distinct_and_change_with_the_bytes() {
        Set<Long> seen = new HashSet<>();
        for (Class<?> target : TARGETS) {
            for (PcEntry e : new Instrumenter(Instrumenter.Clinit.SKIP).instrument(Instrumented.bytesOf(target)).pcs()) {
                assertNotEquals(0L, e.pc(), e::toString);
                assertTrue(seen.add(e.pc()), () -> "duplicate " + e);
            }
        }
        byte[] bytes = Instrumented.bytesOf(Branches.class);
        // A different class file, if only in the name of its source file.
        byte[] changed = new String(bytes, StandardCharsets.ISO_8859_1)
                .replace("Branches.java", "Branchez.java").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(!Arrays.equals(bytes, changed));
        Instrumenter instrumenter = new Instrumenter(Instrumenter.Clinit.SKIP);
        Set<Long> before = new HashSet<>();
        instrumenter.instrument(bytes).pcs().forEach(e -> before.add(e.pc()));
        Result after = instrumenter.instrument(changed);
        assertTrue(after.changed(), after::reason);
        after.pcs().forEach(e -> assertTrue(!before.contains(e.pc()), e::toString));
    }
}
