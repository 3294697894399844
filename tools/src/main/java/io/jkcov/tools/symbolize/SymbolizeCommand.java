package io.jkcov.tools.symbolize;

import io.jkcov.instrument.PcEntry;
import io.jkcov.instrument.PcTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jkcov symbolize}: PCs in (hex, {@code 0x} optional, any white space between them), one
 * {@code class.method(File.java:line)} out per PC, as syz-cover and addr2line do for the kernel.
 */
@Command(name = "symbolize", mixinStandardHelpOptions = true,
        description = "Map PCs (hex, from FILE or standard input) to class.method(File.java:line).")
public final class SymbolizeCommand implements Callable<Integer> {

    @Option(names = "--pctable", description = "The PC table the agent wrote (default: ${DEFAULT-VALUE}).",
            defaultValue = "pctable")
    Path pctable;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "PCs to symbolize; standard input if absent.")
    Path input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<Long, PcEntry> table;
        try (Reader in = Files.newBufferedReader(pctable, StandardCharsets.UTF_8)) {
            table = new HashMap<>();
            for (PcEntry e : PcTable.read(in)) table.put(e.pc(), e);
        } catch (NoSuchFileException e) {
            err.println("jkcov symbolize: no PC table at " + pctable + " (give --pctable FILE)");
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("jkcov symbolize: cannot read the PC table " + pctable + ": " + e.getMessage());
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        int unknown = 0;
        try (BufferedReader in = input == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                for (String token : line.trim().split("\\s+")) {
                    if (token.isEmpty()) continue;
                    Long pc = parse(token);
                    if (pc == null) {
                        err.println("jkcov symbolize: not a PC: " + token);
                        return 2;
                    }
                    PcEntry e = table.get(pc);
                    if (e == null) unknown++;
                    out.println(e == null ? String.format("0x%016x ??", pc) : where(e));
                }
            }
        } catch (NoSuchFileException e) {
            err.println("jkcov symbolize: no such file: " + input);
            return 2;
        }
        out.flush();
        if (unknown > 0) err.println("jkcov symbolize: " + unknown + " PC(s) not in " + pctable);
        return unknown > 0 ? 1 : 0;
    }

    static String where(PcEntry e) {
        String file = e.sourceFile() == null ? "Unknown Source" : e.sourceFile();
        String at = e.line() < 0 ? file : file + ":" + e.line();
        return e.className().replace('/', '.') + "." + e.method() + "(" + at + ")";
    }

    private static Long parse(String token) {
        String hex = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
