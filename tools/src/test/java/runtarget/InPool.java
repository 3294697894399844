package runtarget;

final class InPool {
    private InPool() {}

    static int twice(int n) {
        return n > 0 ? 2 * n : 0;
    }
}
