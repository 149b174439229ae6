package kg.chizai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kg.chizai.base.ExitCode;
import kg.chizai.validate.Conformance;
import kg.chizai.validate.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chizai-kg validate [SOURCE…]}: SHACL validation of the converted reports (or of RDF). */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Converts the reports and checks the graph against the SHACL shapes",
      "(ontology/shapes.ttl). Prints one line per finding,",
      "  <focus node> path: message (shape, constraint, value)",
      "(warnings prefixed with 'warning: '), then a summary line.",
      "A SOURCE may also be RDF (.ttl .nt .nq .trig .jsonld .rdf, or a",
      "release directory), validated as it is."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "SOURCE",
      description = "Report text files or RDF (default: every .txt under data/source/).")
  List<Path> sources;

  @Mixin ConversionOptions conversion;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    List<Path> all = DefaultSources.orDefault(sources);
    Conformance c = conversion.pipeline().validateSources(all).validation().conformance();
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    for (Finding f : c.findings()) {
      out.println(f);
    }
    int violations = c.violations().size();
    int warnings = c.warnings().size();
    out.printf(
        "%s: %d source%s, %d triples, %d violation%s, %d warning%s in %.2f s%n",
        c.conforms() ? "conforms" : "does not conform",
        all.size(),
        all.size() == 1 ? "" : "s",
        c.triples(),
        violations,
        violations == 1 ? "" : "s",
        warnings,
        warnings == 1 ? "" : "s",
        seconds);
    out.flush();
    return c.conforms() ? ExitCode.OK.code() : ExitCode.INVALID.code();
  }
}
