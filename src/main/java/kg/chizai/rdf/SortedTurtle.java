package kg.chizai.rdf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;

/**
 * Turtle for people to read and for diffs: one block per subject, {@code rdf:type} first, then the
 * other predicates, objects in one list; subjects, predicates and objects in natural order (runs of
 * digits compared as numbers, so {@code entry/2-9} comes before {@code entry/2-10}). Given subjects
 * can be put first. Two runs give the same bytes. For graphs of IRIs and literals (a blank node is
 * refused), such as a dataset description or a golden test file.
 *
 * <pre>
 * {@code String ttl = SortedTurtle.write(model, model, Optional.empty(), List.of(datasetIri));}
 * </pre>
 */
public final class SortedTurtle {

  private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");
  private static final Pattern RELATIVE = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

  private SortedTurtle() {}

  /**
   * The model as Turtle.
   *
   * @param prefixes the prefixes to declare and abbreviate with
   * @param base if present, an {@code @base} to declare, and IRIs under it written relative
   * @param first subjects to write first, in this order (those the model has)
   */
  public static String write(
      Model m, PrefixMapping prefixes, Optional<String> base, List<String> first) {
    PrefixMap pm = PrefixMapFactory.create(prefixes.getNsPrefixMap());
    StringBuilder sb = new StringBuilder();
    base.ifPresent(b -> sb.append("@base <").append(b).append("> .\n"));
    new TreeMap<>(prefixes.getNsPrefixMap())
        .forEach(
            (p, ns) -> sb.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
    return sb.append(statements(m, pm, base, first)).toString();
  }

  /** The statements of {@link #write}, without the directives (for messages that show a diff). */
  public static String statements(
      Model m, PrefixMapping prefixes, Optional<String> base, List<String> first) {
    return statements(m, PrefixMapFactory.create(prefixes.getNsPrefixMap()), base, first);
  }

  private static String statements(
      Model m, PrefixMap pm, Optional<String> base, List<String> first) {
    String type = str(RDF.type.asNode(), pm, base);
    Comparator<String> predicates =
        Comparator.<String, Boolean>comparing(p -> !p.equals(type))
            .thenComparing(SortedTurtle::natural);
    Map<String, Map<String, List<String>>> bySubject = new TreeMap<>(SortedTurtle::natural);
    m.getGraph()
        .find()
        .forEach(
            (Triple t) -> {
              if (t.getSubject().isBlank() || t.getObject().isBlank()) {
                throw new IllegalArgumentException("blank node in " + t);
              }
              bySubject
                  .computeIfAbsent(str(t.getSubject(), pm, base), k -> new TreeMap<>(predicates))
                  .computeIfAbsent(str(t.getPredicate(), pm, base), k -> new ArrayList<>())
                  .add(str(t.getObject(), pm, base));
            });
    List<String> order = new ArrayList<>();
    for (String iri : first) {
      String s = str(NodeFactory.createURI(iri), pm, base);
      if (bySubject.containsKey(s) && !order.contains(s)) {
        order.add(s);
      }
    }
    bySubject.keySet().stream().filter(s -> !order.contains(s)).forEach(order::add);
    StringBuilder sb = new StringBuilder();
    for (String s : order) {
      sb.append('\n').append(s);
      String sep = "\n    ";
      for (Map.Entry<String, List<String>> p : bySubject.get(s).entrySet()) {
        List<String> objects = new ArrayList<>(p.getValue());
        objects.sort(SortedTurtle::natural);
        sb.append(sep).append(p.getKey()).append(' ').append(String.join(" , ", objects));
        sep = " ;\n    ";
      }
      sb.append(" .\n");
    }
    return sb.toString();
  }

  /** A node in Turtle: relative under the base, else abbreviated with the prefixes if it can be. */
  private static String str(Node n, PrefixMap pm, Optional<String> base) {
    if (base.isPresent() && n.isURI() && n.getURI().startsWith(base.get())) {
      String rest = n.getURI().substring(base.get().length());
      if (RELATIVE.matcher(rest).matches()) {
        return "<" + rest + ">";
      }
    }
    return NodeFmtLib.str(n, pm);
  }

  /** Compares strings with runs of digits compared by value ("entry/2-10" after "entry/2-9"). */
  static int natural(String a, String b) {
    String x = unbracket(a);
    String y = unbracket(b);
    Matcher ma = CHUNK.matcher(x);
    Matcher mb = CHUNK.matcher(y);
    while (ma.find() && mb.find()) {
      String ca = ma.group();
      String cb = mb.group();
      int c =
          isAsciiDigit(ca.charAt(0)) && isAsciiDigit(cb.charAt(0))
              ? new BigInteger(ca).compareTo(new BigInteger(cb))
              : ca.compareTo(cb);
      if (c != 0) {
        return c;
      }
    }
    int c = x.compareTo(y);
    return c != 0 ? c : a.compareTo(b);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** An IRI without its angle brackets, so "<x/1>" sorts before "<x/1-1>". */
  private static String unbracket(String s) {
    return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
  }
}
