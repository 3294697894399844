package io.jkcov.instrument;

import static io.jkcov.instrument.Instrumented.block;
import static org.junit.jupiter.api.Assertions.assertEquals;

import example.targets.Branches;
import example.targets.Ctor;
import example.targets.Handlers;
import example.targets.Loops;
import example.targets.Switches;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TRACE_PC: the exact sequence of blocks that real code records through the real runtime. */
class BlockTraceTest {

    private final Instrumented targets = Instrumented.with(
            Branches.class, Loops.class, Switches.class, Handlers.class, Ctor.class);

    private List<String> trace(Traces.Body body) throws Throwable {
        return targets.describe(Traces.pcs(body));
    }

    @Test
    void an_if_records_the_entry_then_the_branch_taken() throws Throwable {
        assertEquals(List.of(
                        block(Branches.class, "max", "max.if"),
                        block(Branches.class, "max", "max.then")),
                trace(() -> targets.call(Branches.class, "max", 3, 1)));
        assertEquals(List.of(
                        block(Branches.class, "max", "max.if"),
                        block(Branches.class, "max", "max.else")),
                trace(() -> targets.call(Branches.class, "max", 1, 3)));
    }

    @Test
    void a_loop_records_its_condition_once_more_than_its_body() throws Throwable {
        String entry = block(Loops.class, "sum", "sum.entry");
        String cond = block(Loops.class, "sum", "sum.cond");
        String body = block(Loops.class, "sum", "sum.body");
        String exit = block(Loops.class, "sum", "sum.exit");
        assertEquals(List.of(entry, cond, body, cond, body, cond, exit),
                trace(() -> targets.call(Loops.class, "sum", 2)));
        assertEquals(List.of(entry, cond, exit), trace(() -> targets.call(Loops.class, "sum", 0)));
    }

    @Test
    void a_do_while_loop_head_is_a_block_reached_by_a_backward_jump() throws Throwable {
        String body = block(Loops.class, "countDown", "down.body");
        assertEquals(List.of(block(Loops.class, "countDown", "down.entry"), body, body, body,
                        block(Loops.class, "countDown", "down.exit")),
                trace(() -> targets.call(Loops.class, "countDown", 3)));
    }

    @Test
    void switches_record_the_switch_block_then_the_case_taken() throws Throwable {
        assertEquals(List.of(
                        block(Switches.class, "dense", "dense.switch"),
                        block(Switches.class, "dense", "dense.2")),
                trace(() -> targets.call(Switches.class, "dense", 2)));
        assertEquals(List.of(
                        block(Switches.class, "dense", "dense.switch"),
                        block(Switches.class, "dense", "dense.default")),
                trace(() -> targets.call(Switches.class, "dense", 9)));
        assertEquals(List.of(
                        block(Switches.class, "sparse", "sparse.switch"),
                        block(Switches.class, "sparse", "sparse.-5")),
                trace(() -> targets.call(Switches.class, "sparse", -5)));
    }

    @Test
    void an_exception_handler_is_a_block() throws Throwable {
        assertEquals(List.of(block(Handlers.class, "parse", "parse.try")),
                trace(() -> targets.call(Handlers.class, "parse", "12")));
        assertEquals(List.of(
                        block(Handlers.class, "parse", "parse.try"),
                        block(Handlers.class, "parse", "parse.catch")),
                trace(() -> targets.call(Handlers.class, "parse", "twelve")));
    }

    @Test
    void an_exception_leaves_the_callee_midway_and_enters_the_callers_handler() throws Throwable {
        assertEquals(List.of(
                        block(Handlers.class, "guarded", "guarded.try"),
                        block(Handlers.class, "divide", "divide.if"),
                        block(Handlers.class, "divide", "divide.div"),
                        block(Handlers.class, "guarded", "guarded.catch"),
                        block(Handlers.class, "guarded", "guarded.return")),
                trace(() -> targets.call(Handlers.class, "guarded", 4, 0)));
    }

    @Test
    void a_constructor_records_its_entry_before_it_calls_this_or_super() throws Throwable {
        // Were the probe after this(...), abs would come first.
        assertEquals(List.of(
                        block(Ctor.class, "<init>", "ctor.this"),
                        block(Ctor.class, "abs", "abs.if"),
                        block(Ctor.class, "abs", "abs.negative"),
                        block(Ctor.class, "<init>", "ctor2.super")),
                trace(() -> targets.construct(Ctor.class, -3)));
    }

    @Test
    void repeats_are_recorded_every_time() throws Throwable {
        String entry = block(Branches.class, "max", "max.if");
        String then = block(Branches.class, "max", "max.then");
        assertEquals(List.of(entry, then, entry, then, entry, then), trace(() -> {
            for (int i = 0; i < 3; i++) {
                targets.call(Branches.class, "max", 2, 1);
            }
        }));
    }
}
