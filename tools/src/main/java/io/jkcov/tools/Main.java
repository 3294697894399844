package io.jkcov.tools;

import io.jkcov.tools.demo.DemoCommand;
import io.jkcov.tools.instrument.InstrumentCommand;
import io.jkcov.tools.report.ReportCommand;
import io.jkcov.tools.symbolize.SymbolizeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jkcov command. */
@Command(name = "jkcov", mixinStandardHelpOptions = true, version = "jkcov 0.1.0",
        description = "KCOV for the JVM: per-thread coverage traces in KCOV's binary layout.",
        subcommands = {DemoCommand.class, InstrumentCommand.class, ReportCommand.class, SymbolizeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
