package example.targets;

/** A static initialiser that throws, after running instrumented code. */
public final class FailingInit {

    static {
        if (Branches.max(1, 2) == 2) {  // #failing.if
            throw new IllegalStateException("initialiser fails"); // #failing.throw
        }
    }

    private FailingInit() {}

    public static void touch() {}
}
