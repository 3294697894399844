package runtarget;

/**
 * A main that returns while the thread it started still works: the thread's section must still
 * reach the trace, although the main thread has ended by then.
 */
public final class Late {
    private Late() {}

    public static void main(String[] args) {
        new Thread(() -> {
            sleep();
            OnThread.count(1);
        }).start();
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
