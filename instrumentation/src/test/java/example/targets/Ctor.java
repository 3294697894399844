package example.targets;

/** Constructors: the entry probe runs before this(...) and super(). */
public final class Ctor {

    public final int value;

    public Ctor(int x) {
        this(abs(x), 2);                // #ctor.this
    }

    private Ctor(int x, int scale) {
        super();                        // #ctor2.super
        this.value = x * scale;
    }

    static int abs(int x) {
        if (x < 0) {                    // #abs.if
            return -x;                  // #abs.negative
        }
        return x;                       // #abs.positive
    }
}
