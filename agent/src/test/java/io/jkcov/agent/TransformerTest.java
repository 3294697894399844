package io.jkcov.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.instrument.Instrumenter;
import io.jkcov.instrument.PcEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The transformer in-process: what it returns and logs, without a JVM of its own. */
class TransformerTest {

    /** Collects what the transformer queues instead of writing it. */
    static final class Recording implements Transformer.Sink {
        final List<String> lines = new ArrayList<>();
        final List<String> deferred = new ArrayList<>();
        final List<PcEntry> table = new ArrayList<>();

        @Override
        public void log(String line) {
            lines.add(line);
        }

        @Override
        public void table(List<PcEntry> entries) {
            table.addAll(entries);
        }

        @Override
        public void defer(String internalName, ClassLoader loader) {
            deferred.add(internalName);
        }
    }

    static Transformer transformer(String options, Recording w) {
        return new Transformer(new ClassFilter(Options.parse(options)), new Instrumenter(Instrumenter.Clinit.SKIP), w, null);
    }

    /** {@code org/example/Sample} with {@code static int f(int x) { return x > 0 ? 1 : 2; }}. */
    static byte[] sample() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "org/example/Sample", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "(I)I", null, null);
        mv.visitCode();
        Label no = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFLE, no);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(no);
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void bad_class_bytes_are_left_as_they_were_with_one_line() throws Exception {
        Recording w = new Recording();
        byte[] junk = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 2, 3};
        assertNull(transformer("", w).transform(null, getClass().getClassLoader(), "org/example/Bad", null, null, junk));
        assertEquals(1, w.lines.size(), w.lines.toString());
        assertTrue(w.lines.get(0).startsWith("jkcov: cannot instrument org.example.Bad: "), w.lines.get(0));
        assertEquals(1, w.lines.get(0).lines().count());
    }

    @Test
    void an_application_class_is_instrumented() throws Exception {
        Recording w = new Recording();
        byte[] out = transformer("", w).transform(null, getClass().getClassLoader(),
                "org/example/Sample", null, null, sample());
        assertNotNull(out);
        assertEquals(List.of(), w.lines);
        assertTrue(!w.table.isEmpty());
    }

    @Test
    void jkcov_never_list_jdk_and_excluded_classes_are_not_touched() {
        Recording w = new Recording();
        byte[] b = sample();
        ClassLoader app = getClass().getClassLoader();
        Transformer t = transformer("excludes=org.excluded.*", w);
        assertNull(t.transform(null, app, "io/jkcov/agent/Sample", null, null, b));
        assertNull(t.transform(null, app, "java/lang/invoke/Sample", null, null, b));
        assertNull(t.transform(null, null, "java/util/Sample", null, null, b), "JDK class with jdk=false");
        assertNull(t.transform(null, app, "org/excluded/Sample", null, null, b));
        assertNull(t.transform(null, app, null, null, null, b), "hidden class");
        assertEquals(List.of(), w.lines);
    }

    @Test
    void a_class_loaded_while_transforming_on_the_same_thread_is_deferred() throws Exception {
        Recording w = new Recording();
        Transformer t = transformer("", w);
        boolean[] busy = Transformer.busy();
        busy[0] = true;
        try {
            assertNull(t.transform(null, getClass().getClassLoader(), "org/example/Inner", null, null, sample()));
        } finally {
            busy[0] = false;
        }
        assertEquals(List.of("org/example/Inner"), w.deferred);
    }
}
