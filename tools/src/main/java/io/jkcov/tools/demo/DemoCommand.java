package io.jkcov.tools.demo;

import io.jkcov.tools.Locations;
import io.jkcov.tools.report.ReportCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jkcov demo}: runs {@link DemoHarness} in a JVM of its own under the agent, with the
 * bundled decoder instrumented, its PC table and trace written to the output directory; then
 * makes the trace's HTML report there.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Trace a bundled packet decoder: TRACE_PC, TRACE_CMP, remote coverage, and an HTML report.")
public final class DemoCommand implements Callable<Integer> {

    private static final String DECODER_SOURCE = "demo/decoder/PacketDecoder.java";

    @Option(names = "--out", description = "Directory for the demo's files (default: ${DEFAULT-VALUE}).",
            defaultValue = "jkcov-demo")
    Path out;

    @Option(names = "--agent", description = "The jkcov agent jar (default: the -Djkcov.agent the launcher sets).")
    Path agent;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path agentJar;
        try {
            agentJar = agent != null ? agent : Locations.agentJar();
        } catch (IllegalStateException e) {
            System.err.println("jkcov demo: " + e.getMessage());
            return 2;
        }
        Files.createDirectories(out);
        Path pctable = out.resolve("pctable");
        Files.deleteIfExists(pctable);
        // -Xshare:off: JDK 17 warns that class data sharing is limited once the agent appends
        // the runtime to the bootstrap class path; the demo has no use for sharing.
        List<String> command = List.of(Locations.java(), "-Xshare:off",
                "-javaagent:" + agentJar + "=includes=demo.*,pctable=" + pctable,
                "-cp", Locations.ownJar(), DemoHarness.class.getName(), out.toString());
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        return exit != 0 ? exit : report();
    }

    /**
     * The HTML report of the demo's trace, by {@code jkcov report} itself, which prints where it
     * is. The decoder's source ships in this jar, so the report can show it.
     */
    private int report() throws IOException {
        Path sources = out.resolve("sources");
        Path source = sources.resolve(DECODER_SOURCE);
        Files.createDirectories(source.getParent());
        try (InputStream in = DemoCommand.class.getResourceAsStream("/" + DECODER_SOURCE)) {
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        return new CommandLine(new ReportCommand()).execute("--trace", out.resolve("trace.kcov").toString(),
                "--pctable", out.resolve("pctable").toString(), "--sources", sources.toString(),
                "--html", out.resolve("report").toString());
    }
}
