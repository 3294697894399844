package io.jkcov.tools.instrument;

import io.jkcov.instrument.Instrumenter;
import io.jkcov.instrument.PcTable;
import io.jkcov.instrument.Result;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.zip.Deflater;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jkcov instrument IN OUT}: offline instrumentation of a jar or a directory of classes,
 * with the agent's instrumenter, so the output gives the same PCs as the agent would for the
 * same class bytes (docs/pc-scheme.md). The output needs only the runtime jar on its class path.
 */
@Command(name = "instrument", mixinStandardHelpOptions = true,
        description = "Instrument a jar or class directory offline; run the output with the runtime jar added.")
public final class InstrumentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A jar, or a directory of classes.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The instrumented jar, or directory.")
    Path out;

    @Option(names = "--pctable", description = "Where to write the PC table (default: OUT.pctable).")
    Path pctable;

    @Option(names = "--clinit", description = "skip (default) or record static initialisers.", defaultValue = "skip")
    String clinit;

    @Spec
    CommandSpec spec;

    /** The PC table, written as the results come in, in input order. */
    private OutputStream table;
    private int instrumented;
    private int unchanged;
    private int failed;
    private Progress progress;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!clinit.equals("skip") && !clinit.equals("record")) {
            err.println("jkcov instrument: --clinit must be skip or record, not '" + clinit + "'");
            return 2;
        }
        if (!Files.exists(in)) {
            err.println("jkcov instrument: no such jar or directory: " + in);
            return 2;
        }
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            err.println("jkcov instrument: IN and OUT are the same: " + in);
            return 2;
        }
        Instrumenter instrumenter = new Instrumenter(clinit.equals("record")
                ? Instrumenter.Clinit.RECORD : Instrumenter.Clinit.SKIP);
        long start = System.nanoTime();
        Path tablePath = pctable != null ? pctable : out.resolveSibling(out.getFileName() + ".pctable");
        // The table is written while the classes are: each worker formats its class's lines, and
        // the calling thread, otherwise waiting, writes them in order. Formatted at the end, in
        // one thread, the table (14 MB for the 1,689 classes of commons-compress and Jackson) was
        // the longest serial step of a run (docs/performance-whole-process.md).
        Files.createDirectories(tablePath.toAbsolutePath().getParent());
        try (OutputStream t = new BufferedOutputStream(Files.newOutputStream(tablePath), 1 << 16)) {
            table = t;
            t.write(PcTable.header().getBytes(StandardCharsets.UTF_8));
            try {
                if (Files.isDirectory(in)) directory(instrumenter, err);
                else jar(instrumenter, err);
            } catch (IOException e) {
                err.println("jkcov instrument: cannot read " + in + ": " + e.getMessage());
                t.close();
                Files.deleteIfExists(tablePath); // a part of a table would pass for all of it
                return 2;
            }
        }
        progress.done();
        spec.commandLine().getOut().printf("instrumented %d classes (%d unchanged, %d failed) in %.1f s: %s%nPC table: %s%n",
                instrumented, unchanged, failed, (System.nanoTime() - start) / 1e9, out, tablePath);
        return failed > 0 ? 1 : 0;
    }

    private void directory(Instrumenter instrumenter, PrintWriter err) throws IOException {
        List<Path> files;
        // The attributes the walk read already, not a second stat per file; a symbolic link is
        // followed as Files.isRegularFile does.
        try (Stream<Path> walk = Files.find(in, Integer.MAX_VALUE,
                (f, a) -> a.isRegularFile() || a.isSymbolicLink() && Files.isRegularFile(f))) {
            files = walk.sorted().toList();
        }
        progress = new Progress(err, files.stream().filter(InstrumentCommand::isClass).count());
        // The directories first, once each: then every file is read, instrumented and written by
        // a worker, all at once (opening a file is the slow part on some disks), and only the
        // accounting is done in input order.
        for (Path dir : files.stream().map(f -> out.resolve(in.relativize(f).toString()).getParent()).distinct().toList()) {
            Files.createDirectories(dir);
        }
        try (InOrder<Done> work = new InOrder<>()) {
            for (Path f : files) {
                String name = in.relativize(f).toString();
                Path target = out.resolve(name);
                work.submit(() -> {
                    Done d = Done.of(Files.readAllBytes(f), isClass(f) ? instrumenter : null);
                    Files.write(target, d.output());
                    return d;
                }, d -> account(name, d, err));
            }
            work.finish();
        }
    }

    private void jar(Instrumenter instrumenter, PrintWriter err) throws IOException {
        try (JarFile jar = new JarFile(in.toFile(), false)) {
            progress = new Progress(err, jar.stream().filter(e -> e.getName().endsWith(".class")).count());
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            try (OutputStream file = Files.newOutputStream(out); JarOutputStream o = new JarOutputStream(file);
                    InOrder<Done> work = new InOrder<>()) {
                // Compressing is the one serial step left (a jar is written entry by entry); at
                // the fastest level a run took 5-10% less time for a 5% larger jar (measured on
                // commons-compress and Jackson, docs/performance-whole-process.md).
                o.setLevel(Deflater.BEST_SPEED);
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry e = entries.nextElement();
                    if (e.isDirectory()) continue;
                    String name = e.getName();
                    if (isSignature(name)) {
                        err.println("jkcov instrument: dropped " + name + ": the classes no longer match their signature");
                        continue;
                    }
                    long time = e.getTime();
                    // Read by the worker too: a JarFile may be read from several threads, and
                    // inflating is then done in parallel.
                    work.submit(() -> {
                        byte[] bytes;
                        try (InputStream s = jar.getInputStream(e)) {
                            bytes = s.readAllBytes();
                        }
                        return Done.of(bytes, name.endsWith(".class") ? instrumenter : null);
                    }, d -> {
                        account(name, d, err);
                        JarEntry copy = new JarEntry(name);
                        copy.setTime(time);
                        o.putNextEntry(copy);
                        o.write(d.output());
                        o.closeEntry();
                    });
                }
                work.finish();
            }
        }
    }

    /**
     * An input file read and, if a class, instrumented (result null otherwise), with its lines of
     * the PC table in UTF-8 (null if none).
     */
    private record Done(byte[] input, Result result, byte[] table) {
        /** On a worker: instruments input if instrumenter is not null, and formats its PCs. */
        static Done of(byte[] input, Instrumenter instrumenter) {
            if (instrumenter == null) return new Done(input, null, null);
            Result r = instrumenter.instrument(input);
            return new Done(input, r, r.changed() ? PcTable.lines(r.pcs()).getBytes(StandardCharsets.UTF_8) : null);
        }

        /** What is written: the instrumented class, or the bytes as they were. */
        byte[] output() {
            return result != null && result.changed() ? result.bytes() : input;
        }
    }

    /** On the calling thread, in input order: counts, warns, writes the class's PCs to the table. */
    private void account(String name, Done d, PrintWriter err) throws IOException {
        Result r = d.result();
        if (r == null) return;
        for (String w : r.warnings()) err.println("jkcov instrument: " + w);
        progress.step();
        if (r.changed()) {
            instrumented++;
            table.write(d.table());
        } else if (r.failed()) {
            failed++;
            err.println("jkcov instrument: left " + name + " as it was: " + r.reason());
        } else {
            unchanged++;
        }
    }

    private static boolean isClass(Path p) {
        return p.getFileName().toString().endsWith(".class");
    }

    /** Signature files of a signed jar: they would no longer match the rewritten classes. */
    private static boolean isSignature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }
}
