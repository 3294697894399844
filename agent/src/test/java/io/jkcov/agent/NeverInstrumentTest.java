package io.jkcov.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jkcov.internal.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class NeverInstrumentTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "io/jkcov/internal/Trace", "io/jkcov/Kcov", "io/jkcov/agent/Transformer", "io/jkcov/shaded/asm/ClassReader",
            "java/lang/Object", "java/lang/Thread", "java/lang/ThreadLocal", "java/lang/ThreadLocal$ThreadLocalMap",
            "java/lang/System", "java/lang/System$2", "java/lang/Long", "java/util/Objects",
            "java/lang/invoke/VarHandle", "java/lang/invoke/VarHandleByteArrayAsLongs$ByteBufferHandle",
            "java/lang/invoke/StringConcatFactory", "java/lang/StringConcatHelper",
            "java/nio/ByteBuffer", "java/nio/DirectByteBuffer", "java/nio/Bits", "java/nio/MappedByteBuffer",
            "jdk/internal/misc/Unsafe", "jdk/internal/misc/ScopedMemoryAccess", "jdk/internal/util/Preconditions",
            "jdk/internal/access/SharedSecrets", "jdk/internal/foreign/AbstractMemorySegmentImpl",
            "jdk/internal/loader/BuiltinClassLoader", "jdk/internal/reflect/Reflection", "jdk/internal/vm/Continuation",
            "sun/instrument/TransformerManager", "sun/invoke/util/ValueConversions",
            "java/lang/ref/Reference", "java/lang/Class", "java/lang/ClassLoader", "java/lang/Module",
            "java/util/concurrent/locks/ReentrantLock", "java/lang/VirtualThread",
    })
    void covers_the_hot_path_and_the_transformers_machinery(String name) {
        assertNotNull(NeverInstrument.rule(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "java/lang/String", "java/lang/StringBuilder", "java/util/HashMap", "java/util/regex/Pattern",
            "java/util/Formatter", "java/nio/file/Files", "java/nio/charset/Charset", "java/lang/ObjectStreamX",
            "java/util/concurrent/ConcurrentHashMap", "org/example/Foo", "io/jkcovx/Foo",
    })
    void leaves_ordinary_jdk_and_application_classes_to_the_options(String name) {
        assertFalse(NeverInstrument.covers(name), name);
    }

    @Test
    void every_entry_says_why() {
        for (NeverInstrument.Entry e : NeverInstrument.ENTRIES) assertTrue(e.why().length() > 10, e.pattern());
    }

    /**
     * Every class the hot path names in its bytecode (Trace's methods and its static
     * initialiser) is on the list, so instrumenting the JDK cannot recurse into Trace through a
     * direct call. The dynamic part (VarHandle accessors) is covered by JdkIT, which runs with
     * jdk=true under -Xint and the JIT.
     */
    @Test
    void every_class_traces_code_names_is_never_instrumented() throws IOException {
        Set<String> named = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(Trace.class.getName().replace('.', '/'));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (!seen.add(c)) continue;
            try (InputStream in = Trace.class.getClassLoader().getResourceAsStream(c + ".class")) {
                if (in == null) continue;
                new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int a, String n, String d, String s, String[] e) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
                                named.add(owner);
                            }

                            @Override
                            public void visitFieldInsn(int op, String owner, String name, String desc) {
                                named.add(owner);
                            }

                            @Override
                            public void visitTypeInsn(int op, String type) {
                                named.add(type);
                            }
                        };
                    }
                }, 0);
            }
            if (c.startsWith("io/jkcov/internal/Trace")) {
                named.stream().filter(n -> n.startsWith("io/jkcov/internal/Trace")).forEach(todo::add);
            }
        }
        for (String n : named) {
            if (n.startsWith("[")) continue;
            assertTrue(NeverInstrument.covers(n), "Trace names " + n + ", which may be instrumented");
        }
    }
}
