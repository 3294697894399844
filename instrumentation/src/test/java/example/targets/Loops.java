package example.targets;

/** A counted loop: the condition block runs once more than the body. */
public final class Loops {

    private Loops() {}

    public static int sum(int n) {
        int s = 0;                      // #sum.entry
        for (int i = 0; i < n; i++) {   // #sum.cond
            s += i;                     // #sum.body
        }
        return s;                       // #sum.exit
    }

    public static int countDown(int n) {
        int steps = 0;                  // #down.entry
        do {
            steps++;                    // #down.body
        } while (--n > 0);              // #down.cond
        return steps;                   // #down.exit
    }
}
