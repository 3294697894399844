package example.targets;

/** Exception handlers, and exceptions whose stack-trace lines must survive instrumentation. */
public final class Handlers {

    private Handlers() {}

    public static int parse(String s) {
        try {
            return Integer.parseInt(s); // #parse.try
        } catch (NumberFormatException e) { // #parse.catch
            return -1;
        }
    }

    public static int divide(int a, int b) {
        if (a < 0) {                    // #divide.if
            throw new IllegalArgumentException("negative: " + a); // #divide.throw
        }
        return a / b;                   // #divide.div
    }

    public static int guarded(int a, int b) {
        int r;
        try {
            r = divide(a, b);           // #guarded.try
        } catch (ArithmeticException e) { // #guarded.catch
            r = -1;
        } finally {
            a++;                        // #guarded.finally
        }
        return r + a;                   // #guarded.return
    }
}
