package io.jkcov.noinstr;

/**
 * A hot path that breaks every rule once, each in its own entry point, to show that
 * {@link NoinstrCheck} catches what it claims to. Never called.
 */
@SuppressWarnings("unused")
final class BadHotPath {
    static int counter;
    static final Object LOCK = new Object();
    int state;

    public static void allocates(long pc) {
        long[] a = new long[1];
        a[0] = pc;
    }

    public static void locks(long pc) {
        synchronized (LOCK) {
            counter++;
        }
    }

    public static synchronized void synchronizedMethod(long pc) {}

    public static void throwsOnBadInput(long pc) {
        if (pc == 0) throw new IllegalArgumentException();
    }

    public static void callsTheJdk(long pc) {
        Long.toHexString(pc);
    }

    public static void initialisesAnotherClass(long pc) {
        if (Other.FLAG != 0) return;
    }

    public static void loadsAString(long pc) {
        Object s = "pc";
    }

    public static void divides(long pc, int n) {
        counter = (int) (pc / n);
    }

    public static void reachesABadHelperPrivately(long pc) {
        helper(pc);
    }

    private static void helper(long pc) {
        Object o = new Object();
    }

    /** Not reachable from an entry point: allowed to do anything. */
    static Object unreached() {
        return new Object();
    }

    static final class Other {
        static int FLAG = Integer.getInteger("flag", 0);
    }
}
