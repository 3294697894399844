package io.jkcov.noinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Trace;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The build's objtool: the hot path obeys the noinstr rules, and the check can tell. */
class NoinstrTest {

    private static final Set<String> TASK = Set.of("io/jkcov/internal/Trace$Task");

    @Test
    void the_hot_path_obeys_the_noinstr_rules() throws Exception {
        NoinstrCheck check = new NoinstrCheck(
                List.of(Trace.class, Trace.Task.class,
                        Class.forName("io.jkcov.internal.Trace$Few"), Class.forName("io.jkcov.internal.Trace$Node"),
                        Class.forName("io.jkcov.internal.Trace$FewSlot"), Class.forName("io.jkcov.internal.Trace$FewValue"),
                        Class.forName("io.jkcov.internal.Trace$FewPadding")), TASK)
                .run(Trace.class);
        assertEquals(List.of(), check.violations());
        // Sanity: the walk really went through the private helpers of every entry point.
        assertTrue(check.reached().contains("io/jkcov/internal/Trace.writeCmp(Lio/jkcov/internal/Trace$Task;JJJJ)V"),
                check.reached().toString());
        assertTrue(check.reached().contains("io/jkcov/internal/Trace.resume()V"));
        // Rule 5: what it depends on outside the runtime; the agent never instruments these.
        assertEquals(Set.of("java/lang/Thread", "java/lang/System", "java/lang/invoke/VarHandle", "java/nio/LongBuffer"),
                check.dependencies());
    }

    @Test
    void a_planted_breach_of_each_rule_is_caught() throws Exception {
        NoinstrCheck check = new NoinstrCheck(List.of(BadHotPath.class, BadHotPath.Other.class), Set.of())
                .run(BadHotPath.class);
        String all = String.join("\n", check.violations());
        expect(all, "allocates(J)V: allocates (newarray)");
        expect(all, "allocates(J)V: writes an array");
        expect(all, "locks(J)V: takes a monitor");
        expect(all, "locks(J)V: writes static field");
        expect(all, "synchronizedMethod(J)V: synchronized method takes a monitor");
        expect(all, "throwsOnBadInput(J)V: allocates (new)");
        expect(all, "throwsOnBadInput(J)V: throws");
        expect(all, "callsTheJdk(J)V: calls java/lang/Long.toHexString");
        expect(all, "initialisesAnotherClass(J)V: reads static field io/jkcov/noinstr/BadHotPath$Other.FLAG of another class");
        expect(all, "loadsAString(J)V: ldc String");
        expect(all, "divides(JI)V: integer division");
        expect(all, "helper(J)V: allocates (new)");
        assertTrue(!all.contains("unreached"), "only reachable code is checked:\n" + all);
        Set<String> methods = check.violations().stream().map(v -> v.substring(0, v.indexOf('('))).collect(Collectors.toSet());
        assertEquals(9, methods.size(), "every bad method, and no clean one:\n" + all);
    }

    private static void expect(String all, String fragment) {
        assertTrue(all.contains(fragment), "missing \"" + fragment + "\" in:\n" + all);
    }
}
