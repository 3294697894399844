package io.jkcov.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Target classes instrumented (or not) and loaded together through one {@link TargetLoader},
 * with the PC table of all of them, to turn traces into readable, comparable strings:
 * {@code "BLOCK Branches.max:12"} for a PC, {@code "CMP 5 0x5 0x7 @ Branches.literals:19"} for a
 * comparison record.
 */
final class Instrumented {

    private final Map<String, Result> results;
    private final Map<Long, PcEntry> byPc = new HashMap<>();
    private final TargetLoader loader;

    private Instrumented(Map<String, Result> results, Map<String, byte[]> bytes) {
        this.results = results;
        for (Result r : results.values()) {
            for (PcEntry e : r.pcs()) {
                if (byPc.put(e.pc(), e) != null) {
                    throw new AssertionError("PC collision: " + e);
                }
            }
        }
        this.loader = new TargetLoader(bytes);
    }

    /** The targets, instrumented with the given clinit policy. */
    static Instrumented with(Instrumenter.Clinit clinit, Class<?>... targets) {
        Instrumenter instrumenter = new Instrumenter(clinit);
        Map<String, Result> results = new LinkedHashMap<>();
        Map<String, byte[]> bytes = new HashMap<>();
        for (Class<?> t : targets) {
            Result r = instrumenter.instrument(bytesOf(t));
            if (!r.changed()) {
                throw new AssertionError(t + " unchanged: " + r.reason());
            }
            results.put(t.getName(), r);
            bytes.put(t.getName(), r.bytes());
        }
        return new Instrumented(results, bytes);
    }

    static Instrumented with(Class<?>... targets) {
        return with(Instrumenter.Clinit.SKIP, targets);
    }

    /** The targets as compiled, in a loader of their own: the reference behaviour. */
    static Instrumented original(Class<?>... targets) {
        Map<String, byte[]> bytes = new HashMap<>();
        for (Class<?> t : targets) {
            bytes.put(t.getName(), bytesOf(t));
        }
        return new Instrumented(Map.of(), bytes);
    }

    static byte[] bytesOf(Class<?> target) {
        String resource = "/" + target.getName().replace('.', '/') + ".class";
        try (InputStream in = target.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result result(Class<?> target) {
        return results.get(target.getName());
    }

    /** The target's class in this loader, initialised or not. */
    Class<?> load(Class<?> target, boolean initialise) throws ClassNotFoundException {
        return Class.forName(target.getName(), initialise, loader);
    }

    /** Calls a static method, found by name (the targets do not overload), as its caller would. */
    Object call(Class<?> target, String name, Object... args) throws Throwable {
        for (Method m : load(target, true).getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(target.getName() + "." + name);
    }

    /** Calls the public constructor with args.length parameters. */
    Object construct(Class<?> target, Object... args) throws Throwable {
        for (Constructor<?> c : load(target, true).getConstructors()) {
            if (c.getParameterCount() == args.length) {
                try {
                    return c.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(target.getName() + ".<init>");
    }

    // ---- symbolising -------------------------------------------------------------------------

    String describe(long pc) {
        PcEntry e = byPc.get(pc);
        if (e == null) {
            return "UNKNOWN " + Long.toHexString(pc);
        }
        return e.kind() + " " + simple(e.className()) + "." + e.method() + ":" + e.line();
    }

    List<String> describe(long[] pcs) {
        List<String> out = new ArrayList<>();
        for (long pc : pcs) {
            out.add(describe(pc));
        }
        return out;
    }

    List<String> describe(List<Traces.Cmp> records) {
        List<String> out = new ArrayList<>();
        for (Traces.Cmp c : records) {
            out.add(cmpString(c.type(), c.arg1(), c.arg2(), describe(c.ip())));
        }
        return out;
    }

    // ---- expectations ------------------------------------------------------------------------

    static String block(Class<?> target, String method, String tag) {
        return "BLOCK " + target.getSimpleName() + "." + method + ":" + Markers.line(target, tag);
    }

    static String cmp(long type, long arg1, long arg2, Class<?> target, String method, String tag) {
        return cmpString(type, arg1, arg2,
                "CMP " + target.getSimpleName() + "." + method + ":" + Markers.line(target, tag));
    }

    static String switchCase(long arg1, long arg2, Class<?> target, String method, String tag) {
        return cmpString(CONST | SIZE4, arg1, arg2,
                "SWITCH " + target.getSimpleName() + "." + method + ":" + Markers.line(target, tag));
    }

    /** KCOV_CMP_CONST and KCOV_CMP_SIZE(2), KCOV_CMP_SIZE(3) (kcov-model.md section 3). */
    static final long CONST = 1;
    static final long SIZE4 = 2 << 1;
    static final long SIZE8 = 3 << 1;

    private static String cmpString(long type, long arg1, long arg2, String where) {
        return "type " + type + " 0x" + Long.toHexString(arg1) + " 0x" + Long.toHexString(arg2)
                + " @ " + where;
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
