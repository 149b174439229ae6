package kg.chizai.cli;

import static kg.chizai.base.ExitCode.CONFIG;
import static kg.chizai.base.ExitCode.INPUT;
import static kg.chizai.base.ExitCode.INTERNAL;
import static kg.chizai.base.ExitCode.INVALID;
import static kg.chizai.base.ExitCode.OK;
import static kg.chizai.base.ExitCode.OUTPUT;
import static kg.chizai.base.ExitCode.PUSH;
import static kg.chizai.base.ExitCode.SERVE;
import static kg.chizai.base.ExitCode.USAGE;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
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
    })
public final class Main implements Runnable {

  /** The exit codes each command can end with; their meanings come from {@link ExitCode}. */
  static final Map<String, Set<ExitCode>> EXIT_CODES =
      Map.of(
          "chizai-kg", EnumSet.allOf(ExitCode.class),
          "convert", EnumSet.of(OK, INTERNAL, USAGE, INPUT, OUTPUT, CONFIG),
          "links", EnumSet.of(OK, INTERNAL, USAGE, INPUT, CONFIG),
          "serve", EnumSet.of(OK, INTERNAL, USAGE, INPUT, CONFIG, SERVE),
          "validate", EnumSet.of(OK, INTERNAL, USAGE, INPUT, CONFIG, INVALID),
          "publish", EnumSet.of(OK, INTERNAL, USAGE, INPUT, OUTPUT, CONFIG, INVALID, PUSH),
          "diff", EnumSet.of(OK, INTERNAL, USAGE, INPUT, OUTPUT));

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
    declareExitCodes(cli);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof CommandLine.ParameterException pe) {
            // A check of an option's value in the command itself: a usage error like picocli's own.
            commandLine.getErr().println(pe.getMessage());
            commandLine.getErr().flush();
            return USAGE.code();
          }
          if (ex instanceof ChizaiException ce) {
            commandLine.getErr().println(ce.getMessage());
            commandLine.getErr().flush();
            return ce.exitCode();
          }
          throw ex;
        });
    return cli.execute(args);
  }

  private static void declareExitCodes(CommandLine cli) {
    Set<ExitCode> codes = EXIT_CODES.get(cli.getCommandName());
    if (codes != null) {
      Map<String, String> list = new LinkedHashMap<>();
      for (ExitCode c : codes) {
        list.put(String.format("%3d", c.code()), c.meaning());
      }
      cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
    }
    cli.setExitCodeExceptionMapper(
        t -> t instanceof CommandLine.ParameterException ? USAGE.code() : INTERNAL.code());
    for (CommandLine sub : cli.getSubcommands().values()) {
      declareExitCodes(sub);
    }
  }
}
