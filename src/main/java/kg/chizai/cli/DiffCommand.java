package kg.chizai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kg.chizai.base.ExitCode;
import kg.chizai.publish.Dumps;
import kg.chizai.publish.GraphDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chizai-kg diff OLD NEW [--output DIR]}: what changed between two releases or dumps. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two releases (directories written by publish) or two dumps",
      "(.nt .nq .ttl .trig .jsonld .rdf, optionally .gz) as sets of triples,",
      "named graphs merged. Prints the triples added and removed and a",
      "summary by class: things added, removed and changed, and the triples",
      "added and removed about them. With --output, also writes added.nt and",
      "removed.nt (sorted N-Triples) and summary.txt."
    })
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The older release or dump.")
  Path older;

  @Parameters(index = "1", paramLabel = "NEW", description = "The newer release or dump.")
  Path newer;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Directory to write added.nt, removed.nt and summary.txt into.")
  Path output;

  @Override
  public Integer call() {
    Dumps.Loaded a = Dumps.read(older);
    Dumps.Loaded b = Dumps.read(newer);
    GraphDiff d = GraphDiff.compare(a.data(), b.data());
    String heading =
        "# "
            + a.version().map(v -> v + " (" + older + ")").orElse(older.toString())
            + " -> "
            + b.version().map(v -> v + " (" + newer + ")").orElse(newer.toString());
    if (output != null) {
      d.writeTo(output, heading);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(heading);
    out.print(d.summary());
    if (output != null) {
      out.println("-> " + output);
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
