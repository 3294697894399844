package io.jkcov.tools.demo;

import io.jkcov.tools.Locations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jkcov demo}: runs {@link DemoHarness} in a JVM of its own under the agent, with the
 * bundled decoder instrumented, and its PC table written to the output directory.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Trace a bundled packet decoder: TRACE_PC, TRACE_CMP and remote coverage.")
public final class DemoCommand implements Callable<Integer> {

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
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
