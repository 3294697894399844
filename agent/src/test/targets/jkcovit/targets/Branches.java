package jkcovit.targets;

/** Blocks whose order is known; the markers name lines for BranchesIT. */
public final class Branches {
    public static void run() {
        classify(-5);                 // @run
        classify(0);
        classify(7);
    }

    static int classify(int x) {
        if (x < 0) {                  // @entry
            return -1;                // @negative
        }
        if (x == 0) {                 // @nonnegative
            return 0;                 // @zero
        }
        return 1;                     // @positive
    }
}
