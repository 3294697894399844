package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** What the agent cannot instrument is left as it was, with one line, and the app runs. */
class HygieneIT {

    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void a_method_that_would_exceed_64_KiB_is_left_alone_and_the_app_runs(Path jdk) throws Exception {
        Path gen = Paths.work().resolve("gen");
        Path file = gen.resolve("jkcovit/gen/Huge.class");
        Files.createDirectories(file.getParent());
        Files.write(file, huge());
        Jvm.Outcome o = Jvm.on(jdk).jkcov("includes=jkcovit.*").cp(Targets.classes()).cp(gen)
                .main("jkcovit.targets.HugeMain").run().ok();
        assertEquals("huge returned " + HUGE_RESULT, o.stdout().strip(), o.describe());
        List<String> about = o.jkcovLines().stream().filter(l -> l.contains("Huge")).toList();
        assertEquals(1, about.size(), o.describe());
        assertTrue(about.get(0).startsWith("jkcov: "), o.describe());
    }

    /** Not a limit case at all: an ordinary class that must load and run under the agent. */
    @ParameterizedTest
    @MethodSource("io.jkcov.agent.it.Jdks#all")
    void a_constructor_call_with_branching_arguments_still_loads(Path jdk) {
        Jvm.Outcome o = Jvm.on(jdk).jkcov("includes=jkcovit.*").cp(Targets.classes())
                .main("jkcovit.targets.NewAcrossBlocks").run();
        assertEquals("made a", o.stdout().strip(), o.describe());
    }

    static final int HUGE_RESULT = 7000;

    /**
     * {@code static int big(int x)}: 7000 times {@code if (x != 0) r++}, about 56 KiB of code
     * (JVMS 4.7.3 allows 65535); a probe per block pushes it over.
     */
    static byte[] huge() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "jkcovit/gen/Huge", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "big", "(I)I", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 1);
        for (int i = 0; i < HUGE_RESULT; i++) {
            Label skip = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitJumpInsn(Opcodes.IFEQ, skip);
            mv.visitIincInsn(1, 1);
            mv.visitLabel(skip);
        }
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
