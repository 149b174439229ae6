package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.Problem;
import kg.chizai.extract.time.DateNormalizer;
import kg.chizai.extract.time.TimeContext;
import kg.chizai.extract.time.TimeExpression;
import kg.chizai.model.Report;
import kg.chizai.source.SourceText;
import kg.chizai.testing.Seed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.opentest4j.AssertionFailedError;

/**
 * Hostile and broken input: the report reader, the date normaliser and the statute finder are fed
 * 10,000 generated inputs each — random Unicode (unpaired surrogates, controls, every plane), real
 * lines of the seed and its siblings mutated (characters dropped, repeated, swapped, digits turned
 * into kanji and full-width, brackets unbalanced, glyphs from the report's own alphabet spliced in)
 * and truncated at any character, and, for the reader, slices of real reports cut at any byte.
 *
 * <p>Nothing but the project's own {@link ChizaiException} may escape, and it must name the file
 * and a line in it; no input may take longer than {@link #BOUND} (a bound far above the
 * milliseconds each takes, so that only a runaway scan — quadratic or worse, or a loop — trips it
 * on this shared machine). Each property reports the inputs it tried by kind, so a generator that
 * stopped making one kind would show.
 */
class RobustnessPropertyTest {

  /** Longer than any one input may take. */
  static final Duration BOUND = Duration.ofSeconds(5);

  static final int TRIES = 10_000;

  /** Characters the reports are made of: markers, brackets, numerals, era names, law words. */
  static final String ALPHABET =
      "0123456789０１２３４５６７８９〇一二三四五六七八九十百千万億元年度月日末頃以降までにから～〜―－-・、。"
          + "「」『』（）()【】［］〔〕＜＞<>□❑■◆◇○●※＊*令和平成昭和同法第条項号の及び並びに改正法律施行公布"
          + "予定検討実施補正予算上半期下半期前年翌年今年度来年度年度内当面約件者億円％%　 \t";

  static final List<String> LINES = realLines();
  static final byte[] SEED_BYTES = bytes(Seed.SOURCE);
  static final byte[] SIBLING_BYTES =
      bytes(Path.of("src/test/resources/siblings/another-year/report.txt"));
  static final StatuteFinder STATUTES = new StatuteFinder(ReferenceTables.load(Optional.empty()));

  /** How a generated input was made. */
  enum Kind {
    RANDOM_UNICODE,
    REPORT_ALPHABET,
    MUTATED_LINE,
    TRUNCATED_LINE
  }

  /** A generated line, and how it was made. */
  record Line(Kind kind, String text) {
    @Override
    public String toString() {
      return kind + ": " + text;
    }
  }

  /** A generated report: its bytes, how they were made. */
  record ReportBytes(String kind, byte[] bytes) {
    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return kind
          + " ("
          + bytes.length
          + " bytes): "
          + text.substring(0, Math.min(400, text.length()));
    }
  }

  @Provide
  Arbitrary<Line> lines() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.strings()
                .all()
                .ofMaxLength(300)
                .map(s -> new Line(Kind.RANDOM_UNICODE, s))),
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.strings()
                .withChars(ALPHABET.toCharArray())
                .ofMaxLength(300)
                .map(s -> new Line(Kind.REPORT_ALPHABET, s))),
        net.jqwik.api.Tuple.of(
            5,
            Arbitraries.longs().map(seed -> new Line(Kind.MUTATED_LINE, mutate(new Random(seed))))),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.longs()
                .map(seed -> new Line(Kind.TRUNCATED_LINE, truncate(new Random(seed))))));
  }

  @Provide
  Arbitrary<ReportBytes> reports() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            3, Arbitraries.longs().map(seed -> slice(new Random(seed), SEED_BYTES, "seed"))),
        net.jqwik.api.Tuple.of(
            2, Arbitraries.longs().map(seed -> slice(new Random(seed), SIBLING_BYTES, "sibling"))),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().map(seed -> mutatedReport(new Random(seed)))),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(2000)
                .map(b -> new ReportBytes("random bytes", b))),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.strings()
                .all()
                .ofMaxLength(2000)
                .map(s -> new ReportBytes("random unicode", s.getBytes(StandardCharsets.UTF_8)))));
  }

  @Property(tries = TRIES)
  void dateNormalizer_findsOrIgnores_neverThrowsNorRunsAway(@ForAll("lines") Line line) {
    Statistics.collect(line.kind());
    List<TimeExpression> found =
        within(
            line,
            () -> DateNormalizer.find(line.text(), TimeContext.forReport(YearMonth.of(2026, 4))));
    for (TimeExpression t : found) {
      assertTrue(
          t.start() >= 0 && t.start() <= t.end() && t.end() <= line.text().length(),
          () -> "span out of the text: " + t + " in " + line);
    }
  }

  @Property(tries = TRIES)
  void statuteFinder_findsOrIgnores_neverThrowsNorRunsAway(@ForAll("lines") Line line) {
    Statistics.collect(line.kind());
    StatuteFinder.Result r =
        within(line, () -> STATUTES.find(line.text(), LocalDate.of(2026, 4, 1)));
    for (StatuteFinder.Found f : r.found()) {
      assertEquals(line.text().substring(f.start(), f.end()), f.surface(), line::toString);
    }
    for (StatuteFinder.NotLinked n : r.notLinked()) {
      assertEquals(line.text().substring(n.start(), n.end()), n.surface(), line::toString);
    }
  }

  @Property(tries = TRIES)
  void reportReader_readsOrNamesFileAndLine_neverAnythingElse(
      @ForAll("reports") ReportBytes input) {
    String outcome =
        within(
            input,
            () -> {
              try {
                Report r = ReportReader.read(SourceText.decode("generated.txt", input.bytes()));
                assertFalse(r.sections() == null, input::toString);
                return "read";
              } catch (ChizaiException e) {
                assertFalse(e.problems().isEmpty(), input::toString);
                for (Problem p : e.problems()) {
                  assertTrue(p.toString().contains("generated.txt"), () -> p + " for " + input);
                  assertTrue(p.line() >= 1, () -> p + " for " + input);
                }
                return "refused";
              }
            });
    Statistics.collect(input.kind().replaceAll(" bytes .*", ""), outcome);
  }

  @Example
  void generators_makeEveryKind_andMutationsChangeTheLines() {
    Random random = new Random(1);
    int changed = 0;
    for (int i = 0; i < 200; i++) {
      String m = mutate(random);
      if (!LINES.contains(m)) {
        changed++;
      }
    }
    assertTrue(changed > 150, "mutations change most lines: " + changed);
    assertTrue(LINES.size() > 500, "real lines to mutate: " + LINES.size());
    // Slices of the seed read as reports often enough that the reader's deep paths are exercised.
    int read = 0;
    for (int i = 0; i < 100; i++) {
      try {
        ReportReader.read(
            SourceText.decode("generated.txt", slice(random, SEED_BYTES, "seed").bytes()));
        read++;
      } catch (ChizaiException e) {
        // a slice without the report's heading
      }
    }
    assertTrue(read > 20, "slices that read as reports: " + read);
  }

  @Example
  void theBound_isEnforced() {
    Line slow = new Line(Kind.RANDOM_UNICODE, "x");
    AssertionFailedError e =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionFailedError.class,
            () ->
                within(
                    slow,
                    Duration.ofMillis(200),
                    () -> {
                      Thread.sleep(60_000);
                      return null;
                    }));
    assertTrue(e.getMessage().contains("x"), e.getMessage());
    // The runaway was stopped and the next input runs on a fresh thread.
    assertEquals("ok", within(slow, () -> "ok"));
  }

  /** The thread inputs run on: one for all tries, replaced when an input ran away on it. */
  private static ExecutorService worker = newWorker();

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "robustness-worker");
          t.setDaemon(true);
          return t;
        });
  }

  /** Runs {@code work}, failing if it takes longer than {@link #BOUND}; names the input. */
  static <T> T within(Object input, Callable<T> work) {
    return within(input, BOUND, work);
  }

  static <T> T within(Object input, Duration bound, Callable<T> work) {
    Future<T> f = worker.submit(work);
    try {
      return f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionFailedError("took longer than " + bound + ": " + input);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new AssertionFailedError("threw " + e.getCause() + " on " + input, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A real line changed in one to four ways. */
  static String mutate(Random random) {
    StringBuilder s = new StringBuilder(LINES.get(random.nextInt(LINES.size())));
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      int len = s.length();
      int at = len == 0 ? 0 : random.nextInt(len);
      switch (random.nextInt(9)) {
        case 0 -> s.delete(at, Math.min(len, at + 1 + random.nextInt(8)));
        case 1 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> {
          // a piece repeated many times: the shape that makes a backtracking scan explode
          String piece = s.substring(at, Math.min(len, at + 1 + random.nextInt(6)));
          s.insert(at, piece.repeat(1 + random.nextInt(60)));
        }
        case 3 -> {
          if (len > 1) {
            int b = random.nextInt(len);
            char c = s.charAt(at);
            s.setCharAt(at, s.charAt(b));
            s.setCharAt(b, c);
          }
        }
        case 4 -> replaceDigits(s, random);
        case 5 -> s.insert(at, LINES.get(random.nextInt(LINES.size())));
        case 6 -> s.insert(at, "「『（【".charAt(random.nextInt(4)));
        case 7 -> s.insert(at, (char) random.nextInt(0x10000));
        default -> s.setLength(at);
      }
    }
    return s.toString();
  }

  /** A real line cut at any character (a surrogate pair may be split). */
  static String truncate(Random random) {
    String line = LINES.get(random.nextInt(LINES.size()));
    int from = random.nextInt(line.length() + 1);
    int to = from + random.nextInt(line.length() - from + 1);
    return line.substring(from, to);
  }

  /**
   * A piece of a real report: its first lines kept or not, cut at any byte at both ends, or at the
   * end of a line (so that the reader gets past the decoder into its deeper paths).
   */
  static ReportBytes slice(Random random, byte[] report, String name) {
    int from = random.nextInt(4) == 0 ? random.nextInt(report.length) : 0;
    int length = 1 + random.nextInt(Math.min(report.length - from, 60_000));
    if (random.nextBoolean()) {
      while (from + length < report.length && report[from + length - 1] != '\n') {
        length++;
      }
    }
    return new ReportBytes(
        name + " bytes " + from + "+" + length, Arrays.copyOfRange(report, from, from + length));
  }

  /** A real report whose lines are dropped, repeated, swapped and mutated here and there. */
  static ReportBytes mutatedReport(Random random) {
    byte[] base = random.nextBoolean() ? SEED_BYTES : SIBLING_BYTES;
    List<String> lines =
        new ArrayList<>(Arrays.asList(new String(base, StandardCharsets.UTF_8).split("\n", -1)));
    int window = Math.min(lines.size(), 80 + random.nextInt(400));
    List<String> out = new ArrayList<>(lines.subList(0, 3));
    int start = 3 + random.nextInt(Math.max(1, lines.size() - window - 3));
    for (String line : lines.subList(start, Math.min(lines.size(), start + window))) {
      int r = random.nextInt(40);
      if (r == 0) {
        continue;
      } else if (r == 1) {
        out.add(line);
        out.add(line);
      } else if (r == 2 && !out.isEmpty()) {
        out.add(out.size() - 1, line);
      } else if (r < 6) {
        out.add(mutate(random));
      } else {
        out.add(line);
      }
    }
    return new ReportBytes(
        "mutated report", String.join("\n", out).getBytes(StandardCharsets.UTF_8));
  }

  private static void replaceDigits(StringBuilder s, Random random) {
    String kanji = "〇一二三四五六七八九";
    String wide = "０１２３４５６７８９";
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        s.setCharAt(i, (random.nextBoolean() ? kanji : wide).charAt(c - '0'));
      }
    }
  }

  private static List<String> realLines() {
    try (Stream<Path> siblings = Files.walk(Path.of("src/test/resources/siblings"))) {
      List<String> out = new ArrayList<>(Seed.lines());
      for (Path p : siblings.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        out.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
      out.removeIf(String::isBlank);
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
