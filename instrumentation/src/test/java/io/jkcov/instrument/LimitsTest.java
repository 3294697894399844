package io.jkcov.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.targets.Branches;
import example.targets.Bridges;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The edges: size limits, bad input, classes left alone, old and new class-file versions. */
class LimitsTest {

    private final Instrumenter instrumenter = new Instrumenter(Instrumenter.Clinit.SKIP);

    @Test
    void a_method_over_64_KiB_once_probed_is_left_alone_and_the_rest_is_instrumented() throws Throwable {
        byte[] original = Generated.bigAndSmall(9000);
        Result r = instrumenter.instrument(original);
        assertTrue(r.changed(), r::toString);
        assertEquals(1, r.warnings().size(), r.warnings()::toString);
        assertTrue(r.warnings().get(0).contains("example/generated/Big.big(I)I"), r.warnings()::toString);
        assertEquals(List.of("small"), r.pcs().stream().map(PcEntry::method).distinct().toList());
        assertEquals(List.of(), callsToTrace(r.bytes(), "big"));
        assertFalse(callsToTrace(r.bytes(), "small").isEmpty());

        Class<?> c = load("example.generated.Big", r.bytes());
        Method big = c.getMethod("big", int.class);
        assertEquals(0, big.invoke(null, 0));
        assertEquals(9001, big.invoke(null, 1));
        Method small = c.getMethod("small", int.class);
        List<String> lines = Arrays.stream(Traces.pcs(() -> small.invoke(null, 5)))
                .mapToObj(pc -> lineOf(r, pc)).toList();
        assertEquals(List.of("small:10", "small:11"), lines);
    }

    @Test
    void garbage_is_returned_unchanged_with_a_reason() {
        byte[] real = Instrumented.bytesOf(Branches.class);
        for (byte[] bad : List.of(new byte[0], new byte[] {1, 2, 3}, Arrays.copyOf(real, 100),
                Arrays.copyOf(real, real.length / 2))) {
            Result r = instrumenter.instrument(bad);
            assertFalse(r.changed());
            assertNull(r.bytes());
            assertNotNull(r.reason());
            assertTrue(r.failed(), "a failure, for the agent to report: " + r.reason());
            assertEquals(List.of(), r.pcs());
        }
        assertNotNull(instrumenter.instrument(null).reason());
    }

    @Test
    void jkcov_itself_and_module_info_are_left_alone() {
        for (String name : List.of("io/jkcov/internal/Trace", "io/jkcov/shaded/asm/ClassReader")) {
            Result r = instrumenter.instrument(Generated.named(name));
            assertFalse(r.changed(), name);
            assertTrue(r.reason().contains("jkcov"), r.reason());
            assertFalse(r.failed(), "nothing to do is not a failure");
        }
        assertTrue(instrumenter.instrument(Generated.named("io/jkcovx/Other")).changed());
        Result module = instrumenter.instrument(Generated.moduleInfo());
        assertFalse(module.changed());
        assertTrue(module.reason().contains("module-info"), module.reason());
        assertFalse(module.failed());
    }

    @Test
    void interfaces_are_instrumented_only_where_they_have_code() {
        Result abstractOnly = instrumenter.instrument(Generated.anInterface(false));
        assertFalse(abstractOnly.changed());
        assertEquals("no method with code to instrument", abstractOnly.reason());
        assertFalse(abstractOnly.failed());
        Result withDefault = instrumenter.instrument(Generated.anInterface(true));
        assertTrue(withDefault.changed());
        assertEquals(List.of("small"), withDefault.pcs().stream().map(PcEntry::method).distinct().toList());
    }

    @Test
    void bridge_methods_are_left_alone() {
        Result r = instrumenter.instrument(Instrumented.bytesOf(Bridges.class));
        Map<String, Long> probesByMethod = r.pcs().stream().collect(
                Collectors.groupingBy(e -> e.method() + e.descriptor(), Collectors.counting()));
        assertTrue(probesByMethod.containsKey("compareTo(Lexample/targets/Bridges;)I"), probesByMethod::toString);
        assertFalse(probesByMethod.containsKey("compareTo(Ljava/lang/Object;)I"), probesByMethod::toString);
    }

    @Test
    void a_version_48_class_with_jsr_and_ret_runs_and_traces_its_subroutine() throws Throwable {
        for (Instrumenter.Clinit clinit : Instrumenter.Clinit.values()) {
            Result r = new Instrumenter(clinit).instrument(Generated.jsrRet());
            assertTrue(r.changed(), r::toString);
            Class<?> c = load("example.generated.Jsr", r.bytes());
            Class.forName(c.getName(), true, c.getClassLoader()); // runs the guarded <clinit>
            assertEquals(7, c.getField("INIT").get(null));
            Method sub = c.getMethod("sub", int.class);
            Object[] result = new Object[1];
            List<String> lines = Arrays.stream(Traces.pcs(() -> result[0] = sub.invoke(null, 1)))
                    .mapToObj(pc -> lineOf(r, pc)).toList();
            assertEquals(11, result[0]);
            // entry, subroutine (a jsr target), the instruction after jsr (where ret returns)
            assertEquals(List.of("sub:10", "sub:30", "sub:20"), lines, clinit.name());
        }
    }

    @Test
    void every_class_file_version_from_52_to_this_jdk_runs_the_same_trace() throws Throwable {
        byte[] bytes = Instrumented.bytesOf(Branches.class);
        int newest = Runtime.version().feature() + 44;
        // literals(6): the entry, then per if its join with the previous one, and its body if true.
        List<String> expected = new java.util.ArrayList<>();
        expected.add("literals:" + Markers.line(Branches.class, "lit.entry"));
        for (String tag : List.of("lit.right+", "lit.left", "lit.sipush", "lit.ldc+", "lit.negative",
                "lit.zero+", "lit.static+", "lit.return")) {
            boolean taken = tag.endsWith("+");
            int line = Markers.line(Branches.class, taken ? tag.substring(0, tag.length() - 1) : tag);
            if (!tag.equals("lit.right+")) {
                expected.add("literals:" + line); // the join after the previous if (first: the entry)
            }
            if (taken) {
                expected.add("literals:" + (line + 1)); // the body of the if, on the next line
            }
        }
        for (int version = 52; version <= newest; version++) {
            byte[] patched = bytes.clone();
            patched[6] = (byte) (version >>> 8); // major_version, JVMS 4.1
            patched[7] = (byte) version;
            Result r = instrumenter.instrument(patched);
            assertTrue(r.changed(), r::toString);
            Class<?> c = load(Branches.class.getName(), r.bytes());
            Method literals = c.getMethod("literals", int.class);
            List<String> trace = Arrays.stream(Traces.pcs(() -> literals.invoke(null, 6)))
                    .mapToObj(pc -> lineOf(r, pc)).toList();
            assertEquals(expected, trace, "version " + version);
        }
    }

    private static Class<?> load(String name, byte[] bytes) throws ClassNotFoundException {
        return Class.forName(name, false, new TargetLoader(Map.of(name, bytes)));
    }

    private static String lineOf(Result r, long pc) {
        return r.pcs().stream().filter(e -> e.pc() == pc).map(e -> e.method() + ":" + e.line())
                .findFirst().orElse("UNKNOWN");
    }

    /** The names of the Trace entry points that method calls, in order. */
    private static List<String> callsToTrace(byte[] bytes, String method) {
        List<String> calls = new java.util.ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor,
                                             String signature, String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name,
                                                String descriptor, boolean isInterface) {
                        if (owner.equals(TraceCalls.OWNER)) {
                            calls.add(name);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }
}
