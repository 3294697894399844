package example.targets;

/** lcmp with a literal on either side, and without; the if that consumes it records nothing. */
public final class Longs {

    private Longs() {}

    public static int compare(long l, long m) {
        int r = 0;
        if (l > 10L) {                  // #long.right
            r |= 1;
        }
        if (0L == l) {                  // #long.left
            r |= 2;
        }
        if (l < m) {                    // #long.plain
            r |= 4;
        }
        if (l == -1L) {                 // #long.negative
            r |= 8;
        }
        return r;
    }
}
