package jkcovit.targets;

/**
 * A constructor call whose arguments branch, in a block that starts at its NEW: the stack map
 * frame inside names the NEW by offset (JVMS 4.10.1.2, Uninitialized(Offset)), so a probe must
 * not come between the block's label and the NEW.
 */
public final class NewAcrossBlocks {
    static Object make(int x, boolean c) {
        if (x > 0) return null;
        return new StringBuilder(c ? "a" : "b");
    }

    public static void main(String[] args) {
        System.out.println("made " + make(0, true));
    }
}
