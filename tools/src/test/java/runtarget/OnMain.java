package runtarget;

final class OnMain {
    private OnMain() {}

    static String classify(int n) {
        if (n < 0) return "negative";
        if (n == 0) return "zero";
        return "positive";
    }
}
