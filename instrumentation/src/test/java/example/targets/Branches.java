package example.targets;

/** if_icmp and if against zero, with and without literal operands; and what records nothing. */
public final class Branches {

    public static int limit = 10;

    private Branches() {}

    public static int max(int a, int b) {
        if (a > b) {                    // #max.if
            return a;                   // #max.then
        }
        return b;                       // #max.else
    }

    public static int literals(int a) {
        int r = 0;                      // #lit.entry
        if (a > 5) {                    // #lit.right
            r += 1;
        }
        if (7 < a) {                    // #lit.left
            r += 2;
        }
        if (a == 1000) {                // #lit.sipush
            r += 4;
        }
        if (a != 100000) {              // #lit.ldc
            r += 8;
        }
        if (a == -1) {                  // #lit.negative
            r += 16;
        }
        if (a != 0) {                   // #lit.zero
            r += 32;
        }
        if (3 < limit) {                // #lit.static
            r += 64;
        }
        return r;                       // #lit.return
    }

    public static boolean flag(boolean f) {
        if (f) {                        // #flag.if
            return false;
        }
        return true;
    }

    /** Floats, doubles and references: no CMP record (kcov-model.md section 3). */
    public static int untraced(float f, double d, Object o, Object p) {
        int r = 0;
        if (f > 1.5f) {                 // #untraced.float
            r += 1;
        }
        if (d <= 2.5) {                 // #untraced.double
            r += 2;
        }
        if (o == null) {                // #untraced.null
            r += 4;
        }
        if (o == p) {                   // #untraced.ref
            r += 8;
        }
        return r;
    }
}
