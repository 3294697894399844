package io.jkcov.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.targets.Branches;
import example.targets.Bridges;
import example.targets.Ctor;
import example.targets.FailingInit;
import example.targets.Handlers;
import example.targets.Longs;
import example.targets.Loops;
import example.targets.StaticInit;
import example.targets.Switches;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** ClassCheck passes what the instrumenter writes, and catches the mistakes it guards against. */
class ClassCheckTest {

    private static final Class<?>[] TARGETS = {Branches.class, Bridges.class, Ctor.class,
        FailingInit.class, Handlers.class, Longs.class, Loops.class, StaticInit.class, Switches.class};

    @Test
    void every_target_passes_in_both_modes() {
        List<byte[]> originals = new ArrayList<>();
        for (Class<?> t : TARGETS) {
            originals.add(Instrumented.bytesOf(t));
        }
        originals.add(Generated.jsrRet());
        originals.add(Generated.bigAndSmall(9000));
        originals.add(Generated.anInterface(true));
        for (Instrumenter.Clinit clinit : Instrumenter.Clinit.values()) {
            for (byte[] original : originals) {
                Result r = new Instrumenter(clinit).instrument(original);
                assertTrue(r.changed(), r::toString);
                assertEquals(List.of(), ClassCheck.problems(original, r.bytes(), true));
            }
        }
    }

    @Test
    void a_probe_put_before_a_frame_is_caught() {
        byte[] original = Instrumented.bytesOf(Loops.class);
        byte[] broken = rewrite(original, mv -> new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitFrame(int type, int nLocal, Object[] local, int nStack, Object[] stack) {
                TraceCalls.pc(mv, 1); // between the label and its frame: the frame moves off the target
                super.visitFrame(type, nLocal, local, nStack, stack);
            }
        });
        assertTrue(ClassCheck.problems(original, broken, true).stream()
                .anyMatch(p -> p.contains("no frame at the branch target")));
    }

    @Test
    void a_probe_that_is_not_stack_neutral_is_caught() {
        byte[] original = Instrumented.bytesOf(Loops.class);
        byte[] broken = rewrite(original, mv -> new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitIincInsn(int varIndex, int increment) {
                super.visitInsn(Opcodes.ICONST_0); // left on the stack at the loop's back edge
                super.visitIincInsn(varIndex, increment);
            }
        });
        assertTrue(!ClassCheck.problems(original, broken, true).isEmpty());
    }

    private interface Adapter {
        MethodVisitor wrap(MethodVisitor mv);
    }

    private static byte[] rewrite(byte[] bytes, Adapter adapter) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor,
                                             String signature, String[] exceptions) {
                return adapter.wrap(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }
}
