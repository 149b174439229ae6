package kg.chizai.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A researcher query offered on the landing page: its file name, the question it answers in English
 * ({@code # Question:}) and in Japanese ({@code # 問い:}), the topic it is listed under ({@code #
 * Topic:}), and its text. The keys are read from the leading comment lines; a line without a key
 * continues the one before.
 *
 * <pre>{@code List<ExampleQuery> examples = ExampleQuery.readAll(Path.of("queries"));}</pre>
 */
public record ExampleQuery(
    String name, String question, String questionJa, String topic, String text) {

  /** A query with only an English question, under no topic. */
  public ExampleQuery(String name, String question, String text) {
    this(name, question, "", "", text);
  }

  /** Default directory of example queries, relative to the working directory. */
  public static final String DEFAULT_DIR = "queries";

  /** Every {@code *.rq} file in {@code dir}, by name; none if the directory does not exist. */
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

  /** The keys of the leading comment: English question, Japanese question, topic. */
  private static final List<String> KEYS = List.of("Question:", "問い:", "Topic:");

  static ExampleQuery parse(String fileName, String text) {
    String name =
        fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
    Map<String, StringBuilder> parts = new LinkedHashMap<>();
    String key = "Question:";
    for (String line : text.split("\\R")) {
      if (!line.startsWith("#")) {
        break;
      }
      String t = line.substring(1).strip();
      for (String k : KEYS) {
        if (t.startsWith(k)) {
          key = k;
          t = t.substring(k.length()).strip();
        }
      }
      StringBuilder sb = parts.computeIfAbsent(key, k -> new StringBuilder());
      if (sb.length() > 0 && !t.isEmpty()) {
        sb.append(key.equals("問い:") ? "" : " ");
      }
      sb.append(t);
    }
    String question = parts.getOrDefault("Question:", new StringBuilder()).toString();
    return new ExampleQuery(
        name,
        question.isEmpty() ? name : question,
        parts.getOrDefault("問い:", new StringBuilder()).toString(),
        parts.getOrDefault("Topic:", new StringBuilder()).toString(),
        text);
  }
}
