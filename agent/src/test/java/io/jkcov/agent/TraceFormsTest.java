package io.jkcov.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The two forms of Trace (TraceForms), built from the runtime's real class bytes. */
class TraceFormsTest {

    static byte[] bytes(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClassNode node(byte[] b) {
        ClassNode n = new ClassNode();
        new ClassReader(b).accept(n, 0);
        return n;
    }

    /** Methods that read a count of recording tasks. */
    static Set<String> readers(ClassNode n) {
        Set<String> names = new TreeSet<>();
        for (MethodNode m : n.methods) {
            for (AbstractInsnNode i : m.instructions) {
                if (i instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETSTATIC && TraceForms.COUNTS.contains(f.name)) {
                    names.add(m.name);
                }
            }
        }
        return names;
    }

    static Set<String> dontInline(ClassNode n) {
        Set<String> names = new TreeSet<>();
        for (MethodNode m : n.methods) {
            List<AnnotationNode> as = m.visibleAnnotations == null ? List.of() : m.visibleAnnotations;
            if (as.stream().anyMatch(a -> a.desc.equals("Ljdk/internal/vm/annotation/DontInline;"))) names.add(m.name);
        }
        return names;
    }

    @Test
    void the_off_form_reads_no_count_and_the_on_form_reads_them_where_the_class_does() {
        byte[] original = bytes(TraceForms.TRACE);
        Set<String> entryPoints = readers(node(original));
        assertTrue(entryPoints.containsAll(List.of("pc", "cmp4", "constCmp4", "lcmp", "switchCase", "tableSwitch",
                "enterClinit", "exitClinit")), entryPoints.toString());
        assertEquals(Set.of(), readers(node(TraceForms.form(original, false))));
        assertEquals(entryPoints, readers(node(TraceForms.form(original, true))));
    }

    @Test
    void both_forms_mark_exactly_the_slow_paths_dont_inline() {
        byte[] original = bytes(TraceForms.TRACE);
        assertEquals(Set.of(), dontInline(node(original)));
        assertEquals(new TreeSet<>(TraceForms.SLOW), dontInline(node(TraceForms.form(original, false))));
        assertEquals(new TreeSet<>(TraceForms.SLOW), dontInline(node(TraceForms.form(original, true))));
    }

    @Test
    void the_forms_keep_every_method_and_field_so_the_jvm_can_retransform() {
        ClassNode original = node(bytes(TraceForms.TRACE));
        for (boolean on : new boolean[] {false, true}) {
            ClassNode form = node(TraceForms.form(bytes(TraceForms.TRACE), on));
            assertEquals(signatures(original), signatures(form));
            assertEquals(original.fields.stream().map(f -> f.name + f.desc).toList(),
                    form.fields.stream().map(f -> f.name + f.desc).toList());
        }
    }

    private static List<String> signatures(ClassNode n) {
        List<String> s = new ArrayList<>();
        for (MethodNode m : n.methods) s.add(m.access + " " + m.name + m.desc);
        return s;
    }

    /**
     * The HotSpot verifier accepts the off form, and its entry points still compute what they
     * return: Trace and its nested classes defined again in a loader of their own (one runtime
     * package, so the package-private fields stay reachable), with StoreOrder, which Trace's
     * static initialiser asks.
     */
    @Test
    void the_jvm_loads_the_off_form_and_lcmp_still_compares() throws Exception {
        ClassLoader own = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                String internal = name.replace('.', '/');
                if (!internal.startsWith(TraceForms.TRACE) && !internal.equals("io/jkcov/internal/StoreOrder")) {
                    throw new ClassNotFoundException(name);
                }
                byte[] b = bytes(internal);
                if (internal.equals(TraceForms.TRACE)) b = TraceForms.form(b, false);
                return defineClass(name, b, 0, b.length);
            }
        };
        Class<?> trace = Class.forName("io.jkcov.internal.Trace", true, own);
        trace.getMethod("pc", long.class).invoke(null, 7L);
        trace.getMethod("cmp4", int.class, int.class, long.class).invoke(null, 1, 2, 7L);
        trace.getMethod("enterClinit").invoke(null);
        trace.getMethod("exitClinit").invoke(null);
        Method lcmp = trace.getMethod("lcmp", long.class, long.class, long.class);
        assertEquals(-1, lcmp.invoke(null, 1L, 2L, 7L));
        assertEquals(0, lcmp.invoke(null, 2L, 2L, 7L));
        assertEquals(1, trace.getMethod("lcmpConstLeft", long.class, long.class, long.class).invoke(null, 3L, 2L, 7L));
        assertEquals(-1, trace.getMethod("lcmpConstRight", long.class, long.class, long.class).invoke(null, -3L, 2L, 7L));
    }

    @Test
    void a_class_that_is_not_the_expected_trace_is_refused() {
        byte[] tasks = bytes("io/jkcov/internal/Tasks");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TraceForms.form(tasks, false));
        assertTrue(e.getMessage().contains("recordPc"), e.getMessage());
    }

    @Test
    void the_transformer_touches_only_the_bootstrap_trace_and_logs_a_failure() {
        List<String> log = new ArrayList<>();
        TraceForms t = new TraceForms(log::add);
        byte[] original = bytes(TraceForms.TRACE);
        assertNull(t.transform(null, getClass().getClassLoader(), TraceForms.TRACE, null, null, original));
        assertNull(t.transform(null, null, "io/jkcov/internal/Tasks", null, null, bytes("io/jkcov/internal/Tasks")));
        assertEquals(List.of(), log);
        assertNull(t.transform(null, null, TraceForms.TRACE, null, null, new byte[] {1, 2, 3}));
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("jkcov: probes left always on"), log.get(0));
    }
}
