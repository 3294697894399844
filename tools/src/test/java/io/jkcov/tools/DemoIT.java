package io.jkcov.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jkcov demo}, run as a person runs it, on each JDK: the exact output. */
class DemoIT {

    @ParameterizedTest
    @MethodSource("io.jkcov.tools.Processes#javas")
    void the_demo_traces_solves_the_magic_values_and_brings_remote_coverage_back(Path java) throws Exception {
        Path out = Files.createTempDirectory("jkcov-demo");
        Process p = new ProcessBuilder(java.toString(), "-Djkcov.agent=" + System.getProperty("jkcov.agent.jar"),
                "-jar", System.getProperty("jkcov.tools.jar"), "demo", "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        List<String> lines = new ArrayList<>(output.lines().toList());
        assertTrue(lines.get(1).matches("area: .*/jkcov-\\d+-\\d+/area \\(65536 words; any process may map it\\)"), lines.get(1));
        lines.set(1, "area: (path)");
        assertEquals(String.join("\n", List.of(
                "jkcov demo: a packet decoder with magic values, driven the way syzkaller drives the kernel",
                "area: (path)",
                "",
                "1. TRACE_PC: the blocks each input reaches, recorded on this thread only",
                "   input                                result                   PCs   new",
                "   (empty)                              short packet               2     2",
                "   4a4b4356 00000000                    unsupported version        5     4",
                "   4a4b4356 02010000                    ping                       6     2",
                "   4a4b4356 02020300 010203             data, checksum 6          16     6",
                "   4a4b4356 02070000 00000000 00000000  access denied             12     5",
                "",
                "2. TRACE_CMP: the comparisons name the magic values, and reaching them takes a few steps",
                "   4a4b4356 00000000 00000000 00000000  unsupported version    +2 blocks: decode:23 compared 0x0 with the constant 0x4a4b4356",
                "   4a4b4356 02000000 00000000 00000000  unknown type           +2 blocks: decode:26 compared 0x0 with the constant 0x2",
                "   4a4b4356 02010000 00000000 00000000  ping                   +1 blocks: decode:29 compared 0x0 with the constant 0x1",
                "   4a4b4356 02020000 00000000 00000000  data, checksum 0       +5 blocks: decode:29 compared 0x0 with the constant 0x2",
                "   4a4b4356 02070000 00000000 00000000  access denied          +5 blocks: decode:29 compared 0x0 with the constant 0x7",
                "   4a4b4356 02070000 0000c0ff ee15600d  authenticated          +1 blocks: auth:57 compared 0x0 with the constant 0xc0ffee15600d",
                "   constants the comparisons revealed: 0x4a4b4356 0x2 0x1 0x7 0xc0ffee15600d",
                "   reached \"authenticated\" from 16 zero bytes with 4a4b4356 02070000 0000c0ff ee15600d",
                "",
                "3. Remote: a request handed to a thread pool comes back through the common handle",
                "   our request (ping) ran on a pool thread; 6 PCs came back, in [decode, readInt]",
                "   the unrelated client's request (an auth packet) ran on the same pool: none of its blocks came back",
                "",
                "PC table: " + out.resolve("pctable"),
                "HTML report: " + out.resolve("report/index.html"))), String.join("\n", lines));
        assertTrue(Files.size(out.resolve("pctable")) > 0);
        String source = Files.readString(out.resolve("report/demo.decoder/PacketDecoder.java.src.html"));
        // The cmp-guided search reached the deepest branch, and the report shows it covered.
        assertTrue(source.contains("<tr id=\"L58\" class=\"covered\"") && source.contains("return &quot;authenticated&quot;;"), source);
    }
}
