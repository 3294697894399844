package example.targets;

/** A dense switch (tableswitch) and a sparse one (lookupswitch). */
public final class Switches {

    private Switches() {}

    public static int dense(int v) {
        switch (v) {                    // #dense.switch
            case 1:
                return 10;              // #dense.1
            case 2:
                return 20;              // #dense.2
            case 3:
                return 30;              // #dense.3
            default:
                return -1;              // #dense.default
        }
    }

    public static int sparse(int v) {
        switch (v) {                    // #sparse.switch
            case -5:
                return 1;               // #sparse.-5
            case 100:
                return 2;               // #sparse.100
            case 1000:
                return 3;               // #sparse.1000
            default:
                return 0;               // #sparse.default
        }
    }
}
