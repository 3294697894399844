package example.targets;

/**
 * Constructor calls whose arguments branch, in blocks that start at their {@code new}: the
 * frames inside name the {@code new} by its offset (JVMS 4.10.1.2, Uninitialized(Offset)).
 */
public final class NewAcrossBlocks {
    private NewAcrossBlocks() {}

    public static Object afterIf(int x, boolean c) {
        if (x > 0) {
            return null;
        }
        return new StringBuilder(c ? "a" : "b");
    }

    public static String nested(boolean c, boolean d) {
        return new StringBuilder(c ? new String(d ? "x" : "y") : "z").append(d ? 1 : 2).toString();
    }

    public static int inLoop(int n) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += new StringBuilder(i % 2 == 0 ? "ab" : "c").length();
        }
        return total;
    }
}
