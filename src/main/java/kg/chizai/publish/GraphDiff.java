package kg.chizai.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kg.chizai.base.AtomicFiles;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The difference between two versions of the data, as triples (named graphs are merged: a triple
 * that moves between graphs is not a change): the triples added, the triples removed, and a summary
 * by class of the things whose triples changed.
 *
 * <pre>{@code
 * GraphDiff d = GraphDiff.compare(old.data(), neu.data());
 * System.out.print(d.summary());
 * }</pre>
 */
public final class GraphDiff {

  /** How the things of one class changed. */
  public record ClassChange(
      String type,
      long added,
      long removed,
      long changed,
      long triplesAdded,
      long triplesRemoved) {}

  /** Label of the row for things that have no {@code rdf:type}. */
  public static final String UNTYPED = "(no class)";

  private final List<String> added;
  private final List<String> removed;
  private final List<ClassChange> byClass;

  private GraphDiff(List<String> added, List<String> removed, List<ClassChange> byClass) {
    this.added = added;
    this.removed = removed;
    this.byClass = byClass;
  }

  public static GraphDiff compare(Dataset older, Dataset newer) {
    return compare(union(older), union(newer));
  }

  public static GraphDiff compare(Graph older, Graph newer) {
    List<Triple> added = minus(newer, older);
    List<Triple> removed = minus(older, newer);
    PrefixMapping pm = Description.prefixes();

    Map<Node, Set<String>> typesOf = new HashMap<>();
    Map<String, long[]> rows = new TreeMap<>();
    for (List<Triple> list : List.of(added, removed)) {
      int column = list == added ? 3 : 4;
      for (Triple t : list) {
        Node s = t.getSubject();
        Set<String> types = typesOf.get(s);
        if (types == null) {
          types = classesOf(s, older, newer, pm);
          typesOf.put(s, types);
          // First time this thing is seen: count it once as added, removed or changed.
          int kind =
              !older.contains(s, Node.ANY, Node.ANY)
                  ? 0
                  : !newer.contains(s, Node.ANY, Node.ANY) ? 1 : 2;
          for (String type : types) {
            rows.computeIfAbsent(type, k -> new long[5])[kind]++;
          }
        }
        for (String type : types) {
          rows.get(type)[column]++;
        }
      }
    }
    List<ClassChange> byClass = new ArrayList<>();
    rows.forEach((type, r) -> byClass.add(new ClassChange(type, r[0], r[1], r[2], r[3], r[4])));
    return new GraphDiff(lines(added), lines(removed), byClass);
  }

  /** Number of triples in the newer data that the older lacks. */
  public int addedCount() {
    return added.size();
  }

  /** Number of triples in the older data that the newer lacks. */
  public int removedCount() {
    return removed.size();
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }

  public List<ClassChange> byClass() {
    return byClass;
  }

  /** The added triples as sorted N-Triples. */
  public byte[] addedNTriples() {
    return join(added);
  }

  /** The removed triples as sorted N-Triples. */
  public byte[] removedNTriples() {
    return join(removed);
  }

  /**
   * A plain-text table: one row per class of the things with changed triples, counting things added
   * (not in the older data), removed (not in the newer), changed (in both), and the triples added
   * and removed about them. A thing with two classes counts in both rows.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(triples(added.size()))
        .append(" added, ")
        .append(triples(removed.size()))
        .append(" removed\n");
    if (byClass.isEmpty()) {
      return sb.toString();
    }
    int width =
        Math.max(
            "class".length(), byClass.stream().mapToInt(c -> c.type().length()).max().orElse(0));
    String row = "%-" + width + "s %8s %8s %8s %9s %9s%n";
    sb.append(String.format(row, "class", "added", "removed", "changed", "+triples", "-triples"));
    for (ClassChange c : byClass) {
      sb.append(
          String.format(
              row,
              c.type(),
              c.added(),
              c.removed(),
              c.changed(),
              c.triplesAdded(),
              c.triplesRemoved()));
    }
    return sb.toString();
  }

  /** File names that {@link #writeTo} writes. */
  public static final String ADDED = "added.nt";

  public static final String REMOVED = "removed.nt";
  public static final String SUMMARY = "summary.txt";

  /**
   * Writes {@value #ADDED}, {@value #REMOVED} (sorted N-Triples) and {@value #SUMMARY} into {@code
   * dir}, each file atomically (a temporary file beside it, moved into place when complete).
   */
  public void writeTo(Path dir, String heading) {
    try {
      Files.createDirectories(dir);
      write(dir.resolve(ADDED), addedNTriples());
      write(dir.resolve(REMOVED), removedNTriples());
      write(dir.resolve(SUMMARY), (heading + "\n" + summary()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ChizaiException(
          ExitCode.OUTPUT,
          List.of(Problem.error(dir.toString(), 0, "cannot write the diff: " + e)));
    }
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    AtomicFiles.write(target, bytes);
  }

  /** One line for a release description: the counts, then each class's changes. */
  public String notes(String previousVersion) {
    StringBuilder sb =
        new StringBuilder("Compared with release ")
            .append(previousVersion)
            .append(": ")
            .append(triples(added.size()))
            .append(" added, ")
            .append(removed.size())
            .append(" removed.");
    for (ClassChange c : byClass) {
      sb.append(' ')
          .append(c.type())
          .append(": ")
          .append(c.added())
          .append(" added, ")
          .append(c.removed())
          .append(" removed, ")
          .append(c.changed())
          .append(" changed.");
    }
    return sb.toString();
  }

  private static Set<String> classesOf(Node s, Graph older, Graph newer, PrefixMapping pm) {
    Set<String> types = new TreeSet<>();
    for (Graph g : List.of(older, newer)) {
      g.find(s, RDF.type.asNode(), Node.ANY)
          .forEach(
              t ->
                  types.add(
                      t.getObject().isURI()
                          ? pm.shortForm(t.getObject().getURI())
                          : NodeFmtLib.strNT(t.getObject())));
    }
    if (types.isEmpty()) {
      types.add(UNTYPED);
    }
    return types;
  }

  private static String triples(int n) {
    return n + (n == 1 ? " triple" : " triples");
  }

  private static List<Triple> minus(Graph a, Graph b) {
    List<Triple> out = new ArrayList<>();
    for (Iterator<Triple> it = a.find(); it.hasNext(); ) {
      Triple t = it.next();
      if (!b.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<String> lines(List<Triple> triples) {
    List<String> out = new ArrayList<>(triples.size());
    for (Triple t : triples) {
      out.add(NodeFmtLib.strNT(t));
    }
    out.sort(null);
    return out;
  }

  private static byte[] join(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Graph union(Dataset ds) {
    Graph g = GraphFactory.createDefaultGraph();
    ds.getDefaultModel().getGraph().find().forEach(g::add);
    ds.listNames().forEachRemaining(n -> ds.getNamedModel(n).getGraph().find().forEach(g::add));
    return g;
  }
}
