package io.jkcov.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.targets.NewAcrossBlocks;
import org.junit.jupiter.api.Test;

/**
 * A block that starts at a {@code new} whose constructor arguments branch: the probe must not
 * separate the {@code new} from the label its Uninitialized frame entries name. Loading the
 * class runs the JVM's own verifier, which ASM's analyzer does not replace.
 */
class NewAcrossBlocksTest {

    @Test
    void classes_with_new_at_a_block_start_verify_and_behave_as_before() throws Throwable {
        Instrumented original = Instrumented.original(NewAcrossBlocks.class);
        Instrumented probed = Instrumented.with(NewAcrossBlocks.class);
        for (Object[] args : new Object[][] {{0, true}, {0, false}, {1, true}}) {
            assertEquals(String.valueOf(original.call(NewAcrossBlocks.class, "afterIf", args)),
                    String.valueOf(probed.call(NewAcrossBlocks.class, "afterIf", args)));
        }
        for (boolean c : new boolean[] {true, false}) {
            for (boolean d : new boolean[] {true, false}) {
                assertEquals(original.call(NewAcrossBlocks.class, "nested", c, d),
                        probed.call(NewAcrossBlocks.class, "nested", c, d));
            }
        }
        assertEquals(original.call(NewAcrossBlocks.class, "inLoop", 5), probed.call(NewAcrossBlocks.class, "inLoop", 5));
    }
}
