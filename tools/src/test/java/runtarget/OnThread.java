package runtarget;

final class OnThread {
    private OnThread() {}

    static int count(int n) {
        int c = 0;
        for (int i = 0; i < n; i++) c++;
        return c;
    }
}
