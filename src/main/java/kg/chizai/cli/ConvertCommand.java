package kg.chizai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kg.chizai.Pipeline.Written;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chizai-kg convert SOURCE… --output FILE}: reports to RDF. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Reads progress reports (UTF-8 text) and writes their knowledge graph.",
      "The format follows the output's extension: .ttl .nt .nq .trig .jsonld .rdf",
      "(.trig, .nq and .jsonld keep one named graph per report plus a reference graph).",
      "Prints one summary line; warnings go to standard error as file:line: warning: …"
    })
final class ConvertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Report text files.")
  List<Path> sources;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the graph.")
  Path output;

  @Mixin ConversionOptions conversion;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print warnings.")
  boolean quiet;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Written c = conversion.pipeline().write(sources, output);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter err = spec.commandLine().getErr();
    if (!quiet) {
      for (Problem w : c.warnings()) {
        err.println(w);
      }
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "converted %d report%s: %d sheets, %d directions, %d entries, %d bodies, %d warnings in %.2f s -> %s%n",
        c.reports(),
        c.reports() == 1 ? "" : "s",
        c.sheets(),
        c.directions(),
        c.entries(),
        c.bodies(),
        c.warnings().size(),
        seconds,
        output);
    out.flush();
    return ExitCode.OK.code();
  }
}
