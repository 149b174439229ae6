package kg.chizai.publish;

import java.util.List;
import kg.chizai.rdf.Formats;
import kg.chizai.rdf.Formats.Format;

/**
 * A dump file of a release: one per {@linkplain Formats format}, all holding the same data, named
 * {@code chizai-kg} plus the format's extension. The quad formats keep one named graph per report
 * plus the reference graph; the triple formats hold their union. The line-based formats are
 * gzip-compressed.
 *
 * @param format the syntax of the (uncompressed) content
 * @param gzip whether the file is gzip-compressed
 */
public record Dump(Format format, boolean gzip) {

  /** The stem of every dump's file name. */
  public static final String STEM = "chizai-kg";

  public static final Dump NTRIPLES_GZ = new Dump(Formats.NTRIPLES, true);
  public static final Dump NQUADS_GZ = new Dump(Formats.NQUADS, true);
  public static final Dump TRIG = new Dump(Formats.TRIG, false);

  /** Every dump of a release: each format once, N-Triples and N-Quads compressed. */
  public static final List<Dump> ALL =
      Formats.ALL.stream()
          .map(f -> new Dump(f, f == Formats.NTRIPLES || f == Formats.NQUADS))
          .toList();

  /** The file's name in a release directory, e.g. {@code chizai-kg.nt.gz}. */
  public String fileName() {
    return STEM + format.extension() + (gzip ? ".gz" : "");
  }

  /** Whether the file keeps named graphs. */
  public boolean quads() {
    return format.quads();
  }

  @Override
  public String toString() {
    return fileName();
  }
}
