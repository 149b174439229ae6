package kg.chizai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import kg.chizai.Pipeline;
import kg.chizai.Pipeline.Conversion;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.extract.ReferenceTables;
import kg.chizai.model.Mention;
import kg.chizai.model.Mentions;
import kg.chizai.model.Statute;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chizai-kg links [SOURCE…]}: the statutes the reports cite and their e-Gov links. */
@Command(
    name = "links",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the statutes the reports name, with their e-Gov law ID, title, number of mentions",
      "and e-Gov link, and warns (file:line) about law-like names it could not resolve.",
      "Default sources: every .txt under data/source/."
    })
final class LinksCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Report text files.")
  List<Path> sources;

  @Mixin ConversionOptions conversion;

  @Override
  public Integer call() {
    Pipeline pipeline = conversion.pipeline();
    Conversion c = pipeline.convert(DefaultSources.orDefault(sources));
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Statute> statutes = new TreeMap<>();
    for (Mentions m : c.mentions()) {
      statutes.putAll(m.statutes());
      for (Mention mention : m.mentions()) {
        if (mention.kind() == Mention.Kind.STATUTE) {
          counts.merge(mention.target(), 1, Integer::sum);
        }
      }
    }
    ReferenceTables tables = pipeline.config().reference();
    PrintWriter out = spec.commandLine().getOut();
    // The title goes last: Japanese characters are wider than the columns they count for.
    out.printf("%-16s  %8s  %-46s  %s%n", "e-Gov law ID", "mentions", "e-Gov link", "title");
    for (Statute s : statutes.values()) {
      out.printf(
          "%-16s  %8d  %-46s  %s%n",
          s.id(), counts.getOrDefault(s.id(), 0), tables.eGovLawPage(s.id()), s.title());
    }
    int unresolved = 0;
    PrintWriter err = spec.commandLine().getErr();
    for (Mentions m : c.mentions()) {
      for (Problem p : m.unresolved()) {
        err.println(p);
        unresolved++;
      }
    }
    out.printf(
        "%d statutes, %d mentions, %d unresolved law-like names%n",
        statutes.size(), counts.values().stream().mapToInt(Integer::intValue).sum(), unresolved);
    out.flush();
    err.flush();
    return ExitCode.OK.code();
  }
}
