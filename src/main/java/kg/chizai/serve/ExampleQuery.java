package kg.chizai.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A researcher query offered on the landing page: its file name, the question it answers (its
 * leading {@code # Question:} comment) and its text.
 *
 * <pre>{@code List<ExampleQuery> examples = ExampleQuery.readAll(Path.of("queries"));}</pre>
 */
public record ExampleQuery(String name, String question, String text) {

  /** Every {@code *.rq} file in {@code dir}, by name; none if the directory does not exist. */
  /** Default directory of example queries, relative to the working directory. */
  public static final String DEFAULT_DIR = "queries";

  public static List<ExampleQuery> readAll(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<ExampleQuery> out = new ArrayList<>();
      for (Path p : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
        out.add(parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the queries in " + dir, e);
    }
  }

  /** The question is the text of the leading comment lines, after {@code # Question:}. */
  static ExampleQuery parse(String fileName, String text) {
    String name =
        fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
    StringBuilder question = new StringBuilder();
    for (String line : text.split("\\R")) {
      if (!line.startsWith("#")) {
        break;
      }
      String t = line.substring(1).strip();
      if (t.startsWith("Question:")) {
        t = t.substring("Question:".length()).strip();
      }
      if (question.length() > 0) {
        question.append(' ');
      }
      question.append(t);
    }
    return new ExampleQuery(name, question.length() == 0 ? name : question.toString(), text);
  }
}
