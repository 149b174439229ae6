import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import kg.chizai.serve.Store;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.store.FSDirectory;

/**
 * TDB2's loaders side by side as the store build uses them: a dataset held in memory is loaded
 * into a new TDB2 database while another thread builds the text index from the same quads
 * ({@code Store.load}'s shape), with the store's plan ({@link Store#LOAD_PLAN}: TDB2's phased
 * loader, tdbloader's default), TDB2's sequential loader and a plan for two cores, interleaved round
 * by round, each load in a new JVM (cold, as in a store build), or with {@code --warm} all in this
 * JVM (the first round not counted); the time until both the load and the index are done and
 * committed, and the median of each loader.
 *
 * <pre>
 * python3 bench/corpus.py 64 /tmp/corpus-64
 * ./chizai-kg convert /tmp/corpus-64/*.txt -o /tmp/corpus-64.nq
 * java -Xmx3g -cp target/chizai-kg.jar bench/LoadPlans.java /tmp/corpus-64.nq 4
 * java -Xmx3g -cp target/chizai-kg.jar bench/LoadPlans.java --warm /tmp/corpus-64.nq 4
 * </pre>
 */
public class LoadPlans {
  static final MonitorOutput QUIET = (format, args) -> {};

  interface Loader {
    DataLoader create(DatasetGraph tdb);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--once")) {
      // A child JVM: one load with one loader, cold, as in a store build.
      DatasetGraph data = RDFDataMgr.loadDatasetGraph(args[2]);
      double[] t = once(data, loaders().get(args[1]));
      System.out.println(fmt(t[0]) + " " + fmt(t[1]) + " " + fmt(t[2]));
      return;
    }
    boolean warm = args[0].equals("--warm");
    String file = args[warm ? 1 : 0];
    int rounds = args.length > (warm ? 2 : 1) ? Integer.parseInt(args[warm ? 2 : 1]) : 4;
    DatasetGraph inMemory = warm ? RDFDataMgr.loadDatasetGraph(file) : null;
    Map<String, List<Double>> times = new LinkedHashMap<>();
    loaders().keySet().forEach(k -> times.put(k, new ArrayList<>()));
    System.out.printf(
        "%s; %d cores; %s%n",
        file,
        Runtime.getRuntime().availableProcessors(),
        warm
            ? "every load in this JVM (warm after the first round, which is not counted)"
            : "each load in a JVM of its own (cold, as in a store build), after it parsed the file"
                + " into memory");
    for (int round = 1; round <= rounds; round++) {
      for (String loader : times.keySet()) {
        String[] t;
        if (warm) {
          double[] d = once(inMemory, loaders().get(loader));
          t = new String[] {fmt(d[0]), fmt(d[1]), fmt(d[2])};
        } else {
          t = child(file, loader).trim().split(" ");
        }
        System.out.printf(
            "round %d %-15s load %s s, text index %s s, both %s s%n",
            round, loader, t[0], t[1], t[2]);
        if (!warm || round > 1 || rounds == 1) {
          times.get(loader).add(Double.parseDouble(t[2]));
        }
      }
    }
    double base = median(times.get(CHIZAI));
    times.forEach(
        (k, v) ->
            System.out.printf(
                "median %-15s %.2f s (%.2fx the store's)%n", k, median(v), median(v) / base));
  }

  static final String CHIZAI = "the store's";

  /**
   * A plan for two cores, one of which builds the text index during the first phase: the data
   * phase on one thread (as in TDB2's "minimal" plan), then the five secondary indexes three and two
   * side by side.
   */
  static final LoaderPlan TWO_CORES =
      new LoaderPlan(
          LoaderPlans.loaderPlanMinimal.dataInputType(),
          new String[] {"SPO"},
          new String[] {"GSPO"},
          new String[][] {{"POS", "OSP"}},
          new String[][] {{"GPOS", "GOSP", "SPOG"}, {"POSG", "OSPG"}});

  static String fmt(double seconds) {
    return String.format(java.util.Locale.ROOT, "%.3f", seconds);
  }

  static Map<String, Loader> loaders() {
    Map<String, Loader> loaders = new LinkedHashMap<>();
    loaders.put(CHIZAI, tdb -> LoaderFactory.createLoader(Store.LOAD_PLAN, tdb, QUIET));
    loaders.put("sequential", tdb -> LoaderFactory.sequentialLoader(tdb, QUIET));
    loaders.put("two-core plan", tdb -> LoaderFactory.createLoader(TWO_CORES, tdb, QUIET));
    return loaders;
  }

  /** Runs this program with {@code --once} in a new JVM with this one's options; its output. */
  static String child(String file, String loader) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            System.getProperty("jdk.internal.java.source.path", "bench/LoadPlans.java"),
            "--once",
            loader,
            file));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the load with " + loader + " failed: " + out);
    }
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }

  /** Seconds: the load, the text index, and both (until committed). */
  static double[] once(DatasetGraph data, Loader loader) throws IOException {
    Path dir = Files.createTempDirectory("chizai-loadplans");
    try {
      DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.resolve("tdb2").toString());
      TextIndex index =
          TextDatasetFactory.createLuceneIndex(
              FSDirectory.open(dir.resolve("text")), Store.textIndexConfig());
      long t0 = System.nanoTime();
      CompletableFuture<Long> indexed =
          CompletableFuture.supplyAsync(
              () -> {
                EntityDefinition def = index.getDocDef();
                data.find()
                    .forEachRemaining(
                        q -> {
                          Entity e = TextQueryFuncs.entityFromQuad(def, q);
                          if (e != null) {
                            index.addEntity(e);
                          }
                        });
                return System.nanoTime();
              });
      DataLoader l = loader.create(tdb);
      l.startBulk();
      data.find().forEachRemaining(l.stream()::quad);
      l.finishBulk();
      long loaded = System.nanoTime();
      long indexEnd = indexed.join();
      index.commit();
      long both = System.nanoTime();
      index.close();
      TDBInternal.expel(tdb);
      return new double[] {(loaded - t0) / 1e9, (indexEnd - t0) / 1e9, (both - t0) / 1e9};
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
