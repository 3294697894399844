package jkcovit.targets;

/** A static initialiser with blocks of its own: recorded once, on the first run, or never. */
public final class Init {
    static int seed;

    static {
        for (int i = 0; i < 3; i++) { // @clinit
            seed += i;
        }
    }

    public static void run() {
        if (seed > 100) {             // @run
            seed = 0;
        }
    }
}
