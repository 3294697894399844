package io.jkcov.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The shared area: {@code words} little-endian u64 words in a memory-mapped file, no header,
 * so that a reader written for KCOV maps and reads it unchanged. The file lives in a fresh
 * directory that only this user can enter (0700, the file 0600), by default on /dev/shm so
 * the area is plain memory like the kernel's vmalloc'ed one.
 */
public final class Area {

    /** Where areas are created: {@code -Djkcov.dir}, else /dev/shm, else java.io.tmpdir. */
    public static final String DIR_PROPERTY = "jkcov.dir";

    /**
     * Little-endian u64 access with the acquire and release modes a LongBuffer lacks, for the
     * count outside the hot path (readers in the JVM, resets, section appends) and the fault-in
     * at enable. The hot path writes through a LongBuffer view instead (Trace).
     */
    private static final VarHandle WORDS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Touch one word per 4 KiB, the smallest page size of the platforms the JDK supports. */
    private static final int PAGE_WORDS = 4096 / 8;

    private final Path dir;
    private final Path file;
    private final ByteBuffer buffer;
    private final long words;

    private Area(Path dir, Path file, ByteBuffer buffer, long words) {
        this.dir = dir;
        this.file = file;
        this.buffer = buffer;
        this.words = words;
    }

    /** Creates and maps a zeroed area; {@code words} is already validated by the caller. */
    public static Area create(long words) throws IOException {
        Path dir = AreaFiles.create(baseDir());
        Path file = dir.resolve("area");
        try (FileChannel ch = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            // Mapping past the end grows the file (a sparse one: nothing is touched yet).
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, words * 8);
            return new Area(dir, file, map, words);
        } catch (IOException | RuntimeException e) {
            AreaFiles.remove(dir);
            throw e;
        }
    }

    private static Path baseDir() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isEmpty()) return Paths.get(configured);
        Path shm = Paths.get("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) return shm;
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    public Path file() {
        return file;
    }

    public long words() {
        return words;
    }

    /** The buffer the hot path writes: direct, accessed through little-endian VarHandles. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** A fresh little-endian view of the whole area; index 0 is the count. */
    public LongBuffer longs() {
        // duplicate() resets the byte order to big-endian, so order() must come after it.
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }

    /** area[0], loaded with acquire semantics. */
    public long count() {
        return count(buffer);
    }

    /** Stores 0 into area[0]: a new trace starts. */
    public void reset() {
        storeCount(buffer, 0);
    }

    /**
     * Writes every page once, so the hot path never takes a page fault on first touch (the
     * kernel's kcov_fault_in_area reads them; a write also spares the write-protect fault a
     * shared file mapping takes on its first store). Word 0 is left alone: a reader may be
     * resetting it right now.
     */
    public void faultIn() {
        for (long w = 0; w < words; w += PAGE_WORDS) {
            long at = Math.max(w, 1);
            putWord(buffer, at, word(buffer, at));
        }
    }

    /**
     * Appends the entries of a section buffer as one run after those already here, truncated to
     * the space left (the kernel's kcov_move_area). Returns whether anything was dropped.
     */
    public boolean append(ByteBuffer section, long sectionWords, boolean cmp) {
        int entryWords = cmp ? 4 : 1;
        long have = count(section);
        long capacity = capacity(cmp);
        long count = count(buffer);
        if (have < 0 || have > (sectionWords - 1) / entryWords) have = (sectionWords - 1) / entryWords;
        if (count < 0 || count > capacity) return have > 0; // a reader corrupted the count: drop
        long moved = Math.min(have, capacity - count);
        if (moved > 0) {
            ByteBuffer from = section.duplicate();
            from.position(8).limit((int) (8 + moved * entryWords * 8));
            ByteBuffer to = buffer.duplicate();
            to.position((int) (8 + count * entryWords * 8));
            to.put(from);
            storeCount(buffer, count + moved);
        }
        return moved < have;
    }

    /** How many entries fit: {@code size - 1} PCs, or whole 4-word CMP records. */
    public long capacity(boolean cmp) {
        return cmp ? (words - 1) / 4 : words - 1;
    }

    /** A buffer for a remote section, of the same class as every area (direct). */
    public static ByteBuffer sectionBuffer(long words) {
        return ByteBuffer.allocateDirect((int) (words * 8));
    }

    /** Stores {@code count} into word 0 of any area or section buffer, with release semantics. */
    public static void storeCount(ByteBuffer area, long count) {
        WORDS.setRelease(area, 0, count);
    }

    /** Word 0 of any area or section buffer, loaded with acquire semantics. */
    static long count(ByteBuffer area) {
        return (long) WORDS.getAcquire(area, 0);
    }

    private static long word(ByteBuffer area, long index) {
        return (long) WORDS.get(area, (int) (index << 3));
    }

    private static void putWord(ByteBuffer area, long index, long value) {
        WORDS.set(area, (int) (index << 3), value);
    }

    /** Removes the file and its directory; the mapping itself lives until it is unreachable. */
    public void delete() {
        AreaFiles.remove(dir);
    }

    static {
        // Link the accessors now, at the first initTrace, rather than on a thread that already
        // records: a section's append runs on one (linking loads no instrumented class, but it
        // spins classes, which the runtime keeps off tracing threads).
        ByteBuffer warm = ByteBuffer.allocateDirect(16);
        storeCount(warm, count(warm));
        putWord(warm, 1, word(warm, 1));
    }
}
