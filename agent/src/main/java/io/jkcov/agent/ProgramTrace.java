package io.jkcov.agent;

import io.jkcov.Kcov;
import io.jkcov.KcovRemote;
import io.jkcov.Mode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The half of {@code jkcov run} inside the program's JVM (options {@code trace=}, docs/run.md):
 * the main thread traces from before {@code main}, everything it spawns carries a common handle,
 * and at exit both traces go to {@code OUT/trace.kcov}, the main thread's first, with
 * {@code OUT/summary.txt}.
 *
 * <p>Who owns what. The main thread records into a descriptor of its own. The descriptor for the
 * spawned work is owned by a parked daemon thread, {@code jkcov-run}, not by the main thread:
 * a descriptor whose owner ends is disabled (kcov_task_exit), and a program's {@code main}
 * often returns while the threads it started still work. The main thread takes the common
 * handle by entering it, as a carried task would; because it traces for itself, that changes
 * only its current handle, which is what the threads and tasks it creates capture.
 */
final class ProgramTrace {

    /** "jkcv": an instance unlikely to be chosen by the program for a common handle of its own. */
    static final long COMMON_HANDLE = KcovRemote.handle(KcovRemote.SUBSYSTEM_COMMON, 0x6a6b6376);

    private final Options.Run run;
    private final Mode mode;
    private final Kcov main = Kcov.open();
    private final LongBuffer mainArea;
    private Kcov spawned;
    private LongBuffer spawnedArea;

    private ProgramTrace(Options.Run run) {
        this.run = run;
        this.mode = run.mode() == Mode.TRACE_CMP.value() ? Mode.TRACE_CMP : Mode.TRACE_PC;
        main.initTrace(run.areaWords());
        mainArea = main.area();
    }

    /**
     * Called last in premain, on the main thread. From here on the main thread records; the
     * launcher's own code that still runs before {@code main} (loading the main class) is never
     * instrumented, and static initialisers are skipped unless {@code clinit=record}.
     *
     * @throws io.jkcov.KcovException if an area cannot be made (the caller reports it)
     */
    static void start(Options.Run run) throws Exception {
        ProgramTrace trace = new ProgramTrace(run);
        trace.startOwner();
        // Created before the main thread has a handle, so the hook does not carry it.
        Runtime.getRuntime().addShutdownHook(new Thread(trace::finish, "jkcov-run-exit"));
        trace.main.enable(trace.mode);
        // Never closed: the main thread keeps the common handle for the rest of its life. After
        // enable, so that entering changes only the handle (entering first would open a section).
        KcovRemote.enter(COMMON_HANDLE);
    }

    /** Starts {@code jkcov-run}, which owns the spawned work's descriptor until the JVM exits. */
    private void startOwner() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread owner = new Thread(() -> {
            try {
                Kcov k = Kcov.open();
                k.initTrace(run.areaWords());
                k.remoteEnable(mode, run.sectionWords(), new long[0], COMMON_HANDLE);
                spawned = k;
                spawnedArea = k.area();
                ready.complete(null);
            } catch (Throwable t) {
                ready.completeExceptionally(t);
                return;
            }
            for (;;) LockSupport.park(this);
        }, "jkcov-run");
        owner.setDaemon(true);
        owner.start();
        try {
            ready.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** The shutdown hook: closes both descriptors and writes what they hold. */
    private void finish() {
        // The hook is started by whichever thread exits, so it may carry the common handle; it
        // must not run as a section of the descriptor it is about to close.
        try (KcovRemote.Section none = KcovRemote.enter(0)) {
            long own = entries(mainArea);
            boolean ownOverflowed = main.overflowed();
            main.close();
            // close() lets sections of carried tasks still open land first (docs/remote.md).
            spawned.close();
            long theirs = entries(spawnedArea);
            boolean theirsOverflowed = spawned.overflowed();
            Path out = Path.of(run.out());
            Files.createDirectories(out);
            writeTrace(out.resolve("trace.kcov"), own, theirs);
            Files.writeString(out.resolve("summary.txt"),
                    summary(own, ownOverflowed, theirs, theirsOverflowed), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("jkcov: cannot write the trace to " + run.out() + ": " + e);
        }
    }

    /** Words per entry: a PC, or a CMP record. */
    private int unit() {
        return mode == Mode.TRACE_CMP ? 4 : 1;
    }

    /** The entries an area counts, clamped to the area, since any process may write the count. */
    private long entries(LongBuffer area) {
        return Math.max(0, Math.min(area.get(0), (area.capacity() - 1) / unit()));
    }

    /**
     * KCOV layout: the count of entries (PCs or CMP records), then the entries, little-endian,
     * copied from the mapped areas a chunk at a time (an area may be 2 GiB; the heap may be small).
     */
    private void writeTrace(Path file, long own, long theirs) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer chunk = ByteBuffer.allocate(8 * CHUNK_WORDS).order(ByteOrder.LITTLE_ENDIAN);
            chunk.putLong(own + theirs);
            copy(mainArea, own * unit(), chunk, channel);
            copy(spawnedArea, theirs * unit(), chunk, channel);
            drain(chunk, channel);
        }
    }

    private static final int CHUNK_WORDS = 8192;

    /** Appends area[1..words] to the file through {@code chunk}, which may hold words already. */
    private static void copy(LongBuffer area, long words, ByteBuffer chunk, FileChannel channel) throws IOException {
        for (int i = 1; i <= words; i++) {
            if (!chunk.hasRemaining()) drain(chunk, channel);
            chunk.putLong(area.get(i));
        }
    }

    /** Writes what {@code chunk} holds and empties it. */
    private static void drain(ByteBuffer chunk, FileChannel channel) throws IOException {
        chunk.flip();
        while (chunk.hasRemaining()) channel.write(chunk);
        chunk.clear();
    }

    private String summary(long own, boolean ownOverflowed, long theirs, boolean theirsOverflowed) {
        String what = mode == Mode.TRACE_CMP ? "CMP records" : "PCs";
        return "mode: " + mode + "\n"
                + "area words: " + run.areaWords() + " for the main thread, " + run.areaWords()
                + " for spawned work\n"
                + "main thread: " + own + " " + what + (ownOverflowed ? " (overflowed: the area was full)" : "") + "\n"
                + "spawned work: " + theirs + " " + what + (theirsOverflowed ? " (overflowed: the area was full)" : "") + "\n"
                + "total: " + (own + theirs) + " " + what + "\n";
    }
}
