package io.jkcov.tools;

import io.jkcov.tools.demo.DemoCommand;
import io.jkcov.tools.instrument.InstrumentCommand;
import io.jkcov.tools.report.ReportCommand;
import io.jkcov.tools.run.RunCommand;
import io.jkcov.tools.symbolize.SymbolizeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jkcov command. */
@Command(name = "jkcov", mixinStandardHelpOptions = true, version = "jkcov 0.1.0",
        description = "KCOV for the JVM: per-thread coverage traces in KCOV's binary layout.",
        subcommands = {DemoCommand.class, RunCommand.class, ReportCommand.class, InstrumentCommand.class,
                SymbolizeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        // One line, not picocli's message followed by the whole usage: the usage is a --help away.
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine where = e.getCommandLine();
            where.getErr().println(where.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see --help)");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
