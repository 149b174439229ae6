import java.io.OutputStream;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * How fast Jena's own N-Quads writer (plain, UTF-8) writes a dataset held in memory, on one core:
 * the bytes of N-Quads per second, ROUNDS times (the first rounds warm the JIT up). A bound for
 * convert, whose output is about 20 times its input.
 *
 * <pre>
 * ./chizai-kg convert /tmp/corpus-64/*.txt -o /tmp/corpus-64.nq
 * java -Xmx4g -cp target/chizai-kg.jar bench/NQuadsWriting.java /tmp/corpus-64.nq 5
 * </pre>
 */
public class NQuadsWriting {
  public static void main(String[] args) {
    DatasetGraph data = RDFDataMgr.loadDatasetGraph(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    for (int round = 1; round <= rounds; round++) {
      Counting out = new Counting();
      long t0 = System.nanoTime();
      RDFDataMgr.write(out, data, RDFFormat.NQUADS_UTF8);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "round %d: %.1f MB of N-Quads in %.2f s, %.1f MB/s%n",
          round, out.bytes / 1e6, s, out.bytes / 1e6 / s);
    }
  }

  /** Counts the bytes written, keeps none. */
  static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
