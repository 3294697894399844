package example.targets;

/** A static initialiser with blocks of its own, that calls into another instrumented class. */
public final class StaticInit {

    public static final int VALUE;

    static {
        int v = Branches.max(3, 4);     // #clinit.entry
        if (v > 3) {                    // #clinit.if
            v++;                        // #clinit.then
        }
        VALUE = v;                      // #clinit.after
    }

    private StaticInit() {}

    public static int value() {
        return VALUE;                   // #value
    }
}
