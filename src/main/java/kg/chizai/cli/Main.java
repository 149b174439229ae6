package kg.chizai.cli;

import kg.chizai.ChizaiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chizai-kg} command line.
 *
 * <pre>{@code ./chizai-kg convert data/source/report.txt --output out.ttl}</pre>
 */
@Command(
    name = "chizai-kg",
    mixinStandardHelpOptions = true,
    version = "chizai-kg 0.1.0",
    description = "Linked data from Japan's IP Strategic Program progress reports.",
    subcommands = {
      ConvertCommand.class,
      LinksCommand.class,
      ServeCommand.class,
      ValidateCommand.class,
      PublishCommand.class,
      DiffCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (a bug: please report it)",
      "2:usage error (bad option or argument)",
      "3:bad input (unreadable, not UTF-8, not a progress report, truncated)",
      "4:output could not be written",
      "5:reference table missing or malformed",
      "6:validation failed (the data does not conform to the SHACL shapes)",
      "7:push to a graph store failed",
      "8:cannot serve (port in use, store locked or unreadable)"
    })
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (the tests call this). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ChizaiException ce) {
            commandLine.getErr().println(ce.getMessage());
            commandLine.getErr().flush();
            return ce.exitCode();
          }
          throw ex;
        });
    return cli.execute(args);
  }
}
