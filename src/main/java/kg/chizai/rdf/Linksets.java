package kg.chizai.rdf;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;

/**
 * The links from the dataset to other datasets, described once, as VoID linksets in the reference
 * graph ({@code …/id/linkset/e-gov-law}, {@code …/id/linkset/wikidata}); the release description
 * refers to these same linksets. A link is a triple whose subject is one of our things and whose
 * object is in the other dataset's URI space: {@code void:triples} counts those triples, as VoID
 * defines it, {@code void:distinctSubjects} the things that have one, and {@code
 * void:linkPredicate} names every predicate used.
 *
 * <pre>{@code Linksets.addTo(dataset, iris); // after the data is mapped}</pre>
 */
public final class Linksets {

  /**
   * A dataset we link to, recognised by the IRI prefixes of its things.
   *
   * @param slug the last segment of the linkset's IRI
   * @param homepage the dataset's IRI (its home page)
   * @param spaces the IRI prefixes of its things ({@code void:uriSpace})
   */
  public record Target(
      String slug, String homepage, String titleJa, String titleEn, List<String> spaces) {

    boolean contains(String iri) {
      for (String space : spaces) {
        if (iri.startsWith(space)) {
          return true;
        }
      }
      return false;
    }
  }

  /** e-Gov law data: the statutes' and articles' pages on e-Gov 法令検索 and their API records. */
  public static final Target EGOV_LAWS =
      new Target(
          "e-gov-law",
          "https://laws.e-gov.go.jp/",
          "e-Gov法令検索",
          "e-Gov law search (Japanese laws and regulations)",
          List.of(
              "https://laws.e-gov.go.jp/",
              "http://laws.e-gov.go.jp/",
              "https://elaws.e-gov.go.jp/",
              "http://elaws.e-gov.go.jp/"));

  /** Wikidata: government bodies carry {@code owl:sameAs} links where the table knows them. */
  public static final Target WIKIDATA =
      new Target(
          "wikidata",
          "https://www.wikidata.org/",
          "ウィキデータ",
          "Wikidata",
          List.of("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/"));

  public static final List<Target> TARGETS = List.of(EGOV_LAWS, WIKIDATA);

  private Linksets() {}

  /**
   * Counts the links in every graph of {@code data} and describes one linkset per target linked to,
   * in the model {@code into} (the reference graph). Call once, after everything else is mapped.
   */
  public static void addTo(Graph data, Iris iris, Model into) {
    Links links = new Links(iris);
    links.scan(data);
    links.describeIn(into);
  }

  /**
   * The links found in graphs scanned one after the other (the same link in two graphs counts once,
   * as in their union), then described: what {@link #addTo} does for graphs that are not all in
   * memory at once. Safe to scan from several threads.
   */
  public static final class Links {
    private final Iris iris;
    private final String ours;
    private final Set<Triple> found = new java.util.HashSet<>();

    public Links(Iris iris) {
      this.iris = iris;
      this.ours = iris.base() + "id/";
    }

    /** Keeps the links of {@code g}. */
    public void scan(Graph g) {
      List<Triple> links = new java.util.ArrayList<>();
      g.find()
          .forEachRemaining(
              t -> {
                // Every triple of every graph passes here: the cheap tests first, no streams.
                if (t.getObject().isURI()
                    && t.getSubject().isURI()
                    && !t.getPredicate().equals(RDF.type.asNode())
                    && t.getSubject().getURI().startsWith(ours)
                    && linked(t.getObject().getURI())) {
                  links.add(t);
                }
              });
      synchronized (found) {
        found.addAll(links);
      }
    }

    /** Whether {@code iri} is a thing of one of the {@link #TARGETS}. */
    private static boolean linked(String iri) {
      for (Target target : TARGETS) {
        if (target.contains(iri)) {
          return true;
        }
      }
      return false;
    }

    /** Describes one linkset per target linked to, in {@code into} (the reference graph). */
    public void describeIn(Model into) {
      for (Target target : TARGETS) {
        long links = 0;
        Set<Node> subjects = new java.util.HashSet<>();
        Set<String> predicates = new TreeSet<>();
        synchronized (found) {
          for (Triple t : found) {
            if (target.contains(t.getObject().getURI())) {
              links++;
              subjects.add(t.getSubject());
              predicates.add(t.getPredicate().getURI());
            }
          }
        }
        if (links == 0) {
          continue;
        }
        Resource other = into.createResource(target.homepage());
        other.addProperty(RDF.type, VOID.Dataset);
        other.addProperty(DCTerms.title, target.titleJa(), "ja");
        other.addProperty(DCTerms.title, target.titleEn(), "en");
        other.addProperty(FOAF.homepage, other);
        for (String space : target.spaces()) {
          other.addProperty(VOID.uriSpace, space);
        }
        Resource ls = into.createResource(iris.linkset(target.slug()));
        ls.addProperty(RDF.type, VOID.Linkset);
        ls.addProperty(RDFS.label, "Links from chizai-kg to " + target.titleEn(), "en");
        ls.addProperty(RDFS.label, "知財KGから" + target.titleJa() + "へのリンク", "ja");
        ls.addProperty(VOID.subjectsTarget, into.createResource(iris.dataset()));
        ls.addProperty(VOID.objectsTarget, other);
        for (String p : predicates) {
          ls.addProperty(VOID.linkPredicate, into.createResource(p));
        }
        ls.addProperty(VOID.triples, integer(into, links));
        ls.addProperty(VOID.distinctSubjects, integer(into, subjects.size()));
      }
    }
  }

  private static org.apache.jena.rdf.model.Literal integer(Model m, long n) {
    return m.createTypedLiteral(String.valueOf(n), XSDDatatype.XSDinteger);
  }
}
