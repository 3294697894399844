package io.jkcov.instrument;

import static io.jkcov.instrument.Instrumented.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.targets.Branches;
import example.targets.FailingInit;
import example.targets.StaticInit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Static initialisers: silent by default (kcov-model.md section 8), recorded on request. */
class ClinitTest {

    private static final String CLINIT = "<clinit>";

    @Test
    void by_default_nothing_is_recorded_while_a_class_initialises_not_even_its_callees()
            throws Throwable {
        Instrumented targets = Instrumented.with(Instrumenter.Clinit.SKIP,
                StaticInit.class, Branches.class);
        targets.load(Branches.class, true);
        // <clinit> calls the instrumented Branches.max: that is silenced too.
        assertEquals(List.of(), targets.describe(Traces.pcs(() -> targets.load(StaticInit.class, true))));
        assertEquals(List.of(block(StaticInit.class, "value", "value")),
                targets.describe(Traces.pcs(() -> assertEquals(5, targets.call(StaticInit.class, "value")))));
    }

    @Test
    void by_default_an_initialiser_records_no_comparison_either() throws Throwable {
        Instrumented targets = Instrumented.with(Instrumenter.Clinit.SKIP,
                StaticInit.class, Branches.class);
        targets.load(Branches.class, true);
        assertEquals(List.of(), Traces.cmps(() -> targets.load(StaticInit.class, true)));
    }

    @Test
    void by_default_an_initialiser_has_no_probes_of_its_own() {
        Result r = Instrumented.with(Instrumenter.Clinit.SKIP, StaticInit.class).result(StaticInit.class);
        assertTrue(r.pcs().stream().noneMatch(e -> e.method().equals(CLINIT)), r.pcs()::toString);
    }

    @Test
    void with_record_an_initialiser_is_traced_like_any_code() throws Throwable {
        Instrumented targets = Instrumented.with(Instrumenter.Clinit.RECORD,
                StaticInit.class, Branches.class);
        targets.load(Branches.class, true);
        assertEquals(List.of(
                        block(StaticInit.class, CLINIT, "clinit.entry"),
                        block(Branches.class, "max", "max.if"),
                        block(Branches.class, "max", "max.else"),
                        block(StaticInit.class, CLINIT, "clinit.then"),
                        block(StaticInit.class, CLINIT, "clinit.after")),
                targets.describe(Traces.pcs(() -> targets.load(StaticInit.class, true))));
    }

    @Test
    void an_initialiser_that_throws_still_resumes_recording() throws Throwable {
        Instrumented targets = Instrumented.with(Instrumenter.Clinit.SKIP,
                FailingInit.class, Branches.class);
        targets.load(Branches.class, true);
        List<String> trace = targets.describe(Traces.pcs(() -> {
            ExceptionInInitializerError e = assertThrows(ExceptionInInitializerError.class,
                    () -> targets.load(FailingInit.class, true));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            // The class is erroneous now (JVMS 5.5); its next use fails without running clinit.
            assertThrows(NoClassDefFoundError.class, () -> targets.call(FailingInit.class, "touch"));
            targets.call(Branches.class, "max", 5, 1);
        }));
        // Only the call after the failure; had the handler not resumed, it would be missing.
        assertEquals(List.of(
                        block(Branches.class, "max", "max.if"),
                        block(Branches.class, "max", "max.then")),
                trace);
    }
}
