import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kg.chizai.Config;
import kg.chizai.Pipeline;
import kg.chizai.publish.Release;

/**
 * Where a store build's time goes before the load: convert (in memory, as serve does), SHACL
 * validation, the release built in memory, and written, each timed in one JVM, ROUNDS times (the
 * first rounds warm the JIT up; read the last ones).
 *
 * <pre>
 * python3 bench/corpus.py 64 /tmp/corpus-64
 * java -Xmx3g -cp target/chizai-kg.jar bench/BuildPhases.java /tmp/corpus-64 3
 * </pre>
 */
public class BuildPhases {
  public static void main(String[] args) throws Exception {
    List<Path> sources = new ArrayList<>();
    try (var files = Files.list(Path.of(args[0]))) {
      files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(sources::add);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Pipeline pipeline = Pipeline.create(Config.defaults());
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      Pipeline.Conversion c = pipeline.convert(sources);
      long t1 = System.nanoTime();
      var validation = pipeline.validate(c);
      long t2 = System.nanoTime();
      Release r = pipeline.release(validation, Release.Options.defaults());
      long t3 = System.nanoTime();
      Path dir = Files.createTempDirectory("build-phases-");
      r.writeTo(dir.resolve("release"));
      long t4 = System.nanoTime();
      System.out.printf(
          "round %d, %d reports: convert %.2f s, validate %.2f s, release built %.2f s, written %.2f s%n",
          round, sources.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
