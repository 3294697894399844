package io.jkcov.tools.demo;

import demo.decoder.PacketDecoder;
import io.jkcov.Kcov;
import io.jkcov.KcovRemote;
import io.jkcov.Mode;
import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The demo, run under the agent by {@link DemoCommand}: drives {@link PacketDecoder} the way
 * syzkaller's executor drives the kernel. One thread enables TRACE_PC and runs inputs, reading
 * the area after each; then TRACE_CMP shows the constants the decoder compares its input with,
 * and a small loop uses them to reach the deepest branch from an all-zero packet; last, a
 * request handed to a thread pool comes back through the common handle.
 */
public final class DemoHarness {

    private static final long WORDS = 1 << 16;

    private final PrintStream out = System.out;
    private final Path dir;
    private final Kcov kcov = Kcov.open();
    private final Set<Long> corpusCoverage = new HashSet<>();
    /** Every PC of every TRACE_PC run, in order: saved as trace.kcov for the HTML report. */
    private final List<Long> trace = new ArrayList<>();

    private DemoHarness(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        new DemoHarness(Path.of(args[0])).run();
    }

    private void run() throws Exception {
        kcov.initTrace(WORDS);
        out.println("jkcov demo: a packet decoder with magic values, driven the way syzkaller drives the kernel");
        out.println("area: " + kcov.areaFile() + " (" + WORDS + " words; any process may map it)");
        out.println();
        tracePc();
        traceCmp();
        remote();
        kcov.close();
    }

    // ---- 1. TRACE_PC ------------------------------------------------------------------------

    private void tracePc() {
        out.println("1. TRACE_PC: the blocks each input reaches, recorded on this thread only");
        out.printf("   %-36s %-22s %5s %5s%n", "input", "result", "PCs", "new");
        byte[][] inputs = {
            {},
            hex("4a4b4356 00000000"),
            hex("4a4b4356 02010000"),
            hex("4a4b4356 02020300 010203"),
            hex("4a4b4356 02070000 00000000 00000000"),
        };
        kcov.enable(Mode.TRACE_PC);
        for (byte[] input : inputs) {
            Run r = runPc(input);
            out.printf("   %-36s %-22s %5d %5d%n", show(input), r.result, r.pcs.size(), r.fresh);
        }
        kcov.disable();
        out.println();
    }

    private record Run(String result, List<Long> pcs, int fresh) {}

    /** One input with TRACE_PC enabled on this thread: reset, run, read the area. */
    private Run runPc(byte[] input) {
        LongBuffer area = kcov.area();
        area.put(0, 0);
        String result = PacketDecoder.decode(input);
        long n = area.get(0);
        List<Long> pcs = new ArrayList<>();
        int fresh = 0;
        for (int i = 1; i <= n; i++) {
            long pc = area.get(i);
            pcs.add(pc);
            if (corpusCoverage.add(pc)) fresh++;
        }
        trace.addAll(pcs);
        return new Run(result, pcs, fresh);
    }

    // ---- 2. TRACE_CMP -----------------------------------------------------------------------

    private record Cmp(long type, long arg1, long arg2, long ip) {
        boolean constant() {
            return (type & Kcov.KCOV_CMP_CONST) != 0;
        }

        int bytes() {
            return 1 << ((type & Kcov.KCOV_CMP_MASK) >> 1);
        }
    }

    private List<Cmp> runCmp(byte[] input) {
        LongBuffer area = kcov.area();
        area.put(0, 0);
        PacketDecoder.decode(input);
        List<Cmp> records = new ArrayList<>();
        for (int i = 0; i < area.get(0); i++) {
            int at = 1 + 4 * i;
            records.add(new Cmp(area.get(at), area.get(at + 1), area.get(at + 2), area.get(at + 3)));
        }
        return records;
    }

    /**
     * A cmp-guided search, as syzkaller's "comparison hints" do: for every comparison against a
     * constant, find the other operand's bytes in the input and put the constant there; keep an
     * input that reaches a block no input reached before. Starts from 16 zero bytes.
     */
    private void traceCmp() throws IOException, InterruptedException {
        out.println("2. TRACE_CMP: the comparisons name the magic values, and reaching them takes a few steps");
        corpusCoverage.clear();
        Map<Long, PcEntry> table = pcTable();
        List<byte[]> queue = new ArrayList<>();
        byte[] seed = new byte[16];
        queue.add(seed);
        coverageOf(seed);
        Set<String> revealed = new LinkedHashSet<>();
        String best = null;
        for (int next = 0; next < queue.size() && next < 64; next++) {
            byte[] input = queue.get(next);
            kcov.enable(Mode.TRACE_CMP);
            List<Cmp> records = runCmp(input);
            kcov.disable();
            for (Cmp c : records) {
                if (!c.constant() || c.arg1 == c.arg2) continue;
                for (byte[] candidate : substitutions(input, c)) {
                    int fresh = coverageOf(candidate);
                    if (fresh == 0) continue;
                    queue.add(candidate);
                    String result = PacketDecoder.decode(candidate);
                    revealed.add(String.format("0x%x", c.arg1));
                    out.printf("   %-36s %-22s +%d blocks: %s compared 0x%x with the constant 0x%x%n",
                            show(candidate), result, fresh, where(table, c.ip), c.arg2, c.arg1);
                    if (result.equals("authenticated")) best = show(candidate);
                }
            }
        }
        out.println("   constants the comparisons revealed: " + String.join(" ", revealed));
        out.println(best != null ? "   reached \"authenticated\" from 16 zero bytes with " + best
                : "   did not reach \"authenticated\"");
        out.println();
    }

    /** Coverage of one input in TRACE_PC; how many blocks it reached first. */
    private int coverageOf(byte[] input) {
        kcov.enable(Mode.TRACE_PC);
        int fresh = runPc(input).fresh;
        kcov.disable();
        return fresh;
    }

    /** The input with the constant written where the compared operand's bytes are, everywhere. */
    private static List<byte[]> substitutions(byte[] input, Cmp c) {
        int width = c.arg1 >= 0 && c.arg1 <= 0xFF && c.arg2 >= 0 && c.arg2 <= 0xFF ? 1 : c.bytes();
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at + width <= input.length; at++) {
            if (read(input, at, width) != (c.arg2 & mask(width))) continue;
            byte[] copy = input.clone();
            for (int i = 0; i < width; i++) copy[at + i] = (byte) (c.arg1 >>> (8 * (width - 1 - i)));
            out.add(copy);
        }
        return out;
    }

    private static long read(byte[] p, int at, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) v = v << 8 | (p[at + i] & 0xFF);
        return v;
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    // ---- 3. remote --------------------------------------------------------------------------

    private void remote() throws Exception {
        out.println("3. Remote: a request handed to a thread pool comes back through the common handle");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService[] pool = new ExecutorService[1];
        Future<?>[] stranger = new Future<?>[1];
        Thread other = new Thread(() -> { // started before we have a handle: not ours
            try {
                go.await();
                stranger[0] = pool[0].submit(() -> PacketDecoder.decode(hex("4a4b4356 02070000 00c0ffee 15600d00")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unrelated-client");
        other.start();
        try (Kcov remote = Kcov.open()) {
            remote.initTrace(WORDS);
            remote.remoteEnable(Mode.TRACE_PC, 1 << 12, new long[0], KcovRemote.handle(KcovRemote.SUBSYSTEM_COMMON, 1));
            pool[0] = Executors.newFixedThreadPool(2); // its threads are created by our submission
            go.countDown();
            String ours = pool[0].submit(() -> PacketDecoder.decode(hex("4a4b4356 02010000"))).get();
            other.join();
            stranger[0].get();
            pool[0].shutdown();
            pool[0].awaitTermination(10, TimeUnit.SECONDS);
            remote.disable();
            LongBuffer area = remote.area();
            Map<Long, PcEntry> table = pcTable();
            Set<String> methods = new TreeSet<>();
            for (int i = 1; i <= area.get(0); i++) {
                PcEntry e = table.get(area.get(i));
                methods.add(e == null ? "?" : e.method());
            }
            out.printf("   our request (%s) ran on a pool thread; %d PCs came back, in %s%n", ours, area.get(0), methods);
            out.println("   the unrelated client's request (an auth packet) ran on the same pool: "
                    + (methods.contains("auth") ? "MIXED IN" : "none of its blocks came back"));
        }
        Files.writeString(dir.resolve("summary.txt"), "demo complete\n");
        saveTrace(dir.resolve("trace.kcov"));
        out.println();
        out.println("PC table: " + dir.resolve("pctable"));
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The runs' PCs laid out as one TRACE_PC area (docs/area.md), which jkcov report reads. */
    private void saveTrace(Path file) throws IOException {
        ByteBuffer area = ByteBuffer.allocate(Long.BYTES * (1 + trace.size())).order(ByteOrder.LITTLE_ENDIAN);
        area.putLong(trace.size());
        for (long pc : trace) area.putLong(pc);
        Files.write(file, area.array());
    }

    /**
     * The PC table so far. The agent writes it from a thread of its own every 20 ms, which a
     * busy machine may delay past the decoder's first runs: so wait, a few seconds at most, until
     * it holds the first PC this demo traced.
     */
    private Map<Long, PcEntry> pcTable() throws IOException, InterruptedException {
        Map<Long, PcEntry> byPc = new HashMap<>();
        Path file = dir.resolve("pctable");
        for (int tries = 0; tries < 250 && (byPc.isEmpty() || !byPc.containsKey(trace.get(0))); tries++) {
            if (tries > 0) Thread.sleep(20);
            if (!Files.exists(file)) continue;
            try (Reader in = Files.newBufferedReader(file)) {
                for (PcEntry e : PcTable.read(in)) byPc.put(e.pc(), e);
            }
        }
        return byPc;
    }

    private static String where(Map<Long, PcEntry> table, long pc) {
        PcEntry e = table.get(pc);
        return e == null ? String.format("pc 0x%x", pc) : e.method() + ":" + e.line();
    }

    static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    static String show(byte[] input) {
        if (input.length == 0) return "(empty)";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < input.length; i++) {
            if (i > 0 && i % 4 == 0) s.append(' ');
            s.append(String.format("%02x", input[i]));
        }
        return s.toString();
    }
}
