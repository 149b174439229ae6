package kg.chizai.rdf;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kg.chizai.base.Sha256;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The one JSON-LD shape chizai-kg writes, for {@code convert -o x.jsonld}, the release dump and the
 * linked-data pages alike: compacted with a context generated from the ontology (one term per
 * {@code ckg:} class and property, typed from its range, plus the prefixes), which the document
 * carries inline, so it reads offline. A release also ships the same context as {@code
 * context.jsonld}.
 *
 * <p>Uses Titanium, the JSON-LD 1.1 processor that Jena itself uses.
 *
 * <pre>{@code JsonLdWriter.write(dataset, JsonLdWriter.context(), out);}</pre>
 */
public final class JsonLdWriter {

  /** Looked up once: {@code Json.create…} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The context of the packaged ontology and the project's prefixes, built on first use. */
  private static volatile JsonObject context;

  private JsonLdWriter() {}

  /** The context of the packaged ontology with the prefixes of {@link Namespaces#prefixes()}. */
  public static JsonObject context() {
    JsonObject c = context;
    if (c == null) {
      c = context(Ontology.model(), Namespaces.prefixes());
      context = c;
    }
    return c;
  }

  /**
   * The context: prefixes (in prefix order), then one term per {@code ckg:} term of the ontology
   * (in name order). Object properties take IRIs ({@code "@type": "@id"}), datatype properties
   * their range's datatype, and {@code rdf:langString} properties the language of the source texts,
   * Japanese.
   */
  public static JsonObject context(Model ontology, PrefixMapping prefixes) {
    JsonObjectBuilder ctx = JSON.createObjectBuilder();
    new TreeMap<>(prefixes.getNsPrefixMap()).forEach(ctx::add);
    Map<String, JsonValue> terms = new TreeMap<>();
    ontology
        .listSubjects()
        .forEach(
            term -> {
              if (!term.isURIResource() || !term.getURI().startsWith(CKG.NS)) {
                return;
              }
              String name = term.getURI().substring(CKG.NS.length());
              String curie = CKG.PREFIX + ":" + name;
              if (term.hasProperty(RDF.type, OWL.Class)) {
                terms.put(name, JSON.createValue(curie));
              } else if (term.hasProperty(RDF.type, OWL.ObjectProperty)) {
                terms.put(
                    name, JSON.createObjectBuilder().add("@id", curie).add("@type", "@id").build());
              } else if (term.hasProperty(RDF.type, OWL.DatatypeProperty)) {
                terms.put(name, datatypeTerm(curie, term, prefixes));
              }
            });
    terms.forEach(ctx::add);
    return JSON.createObjectBuilder().add("@context", ctx).build();
  }

  private static JsonValue datatypeTerm(String curie, Resource term, PrefixMapping prefixes) {
    JsonObjectBuilder t = JSON.createObjectBuilder().add("@id", curie);
    Statement range = term.getProperty(RDFS.range);
    if (range != null && range.getObject().isURIResource()) {
      String dt = range.getResource().getURI();
      if (dt.equals(RDF.langString.getURI())) {
        // Source texts are Japanese (the shapes require @ja); other languages stay expanded.
        t.add("@language", "ja");
      } else if (!dt.equals(org.apache.jena.vocabulary.XSD.xstring.getURI())) {
        t.add("@type", prefixes.shortForm(dt));
      }
    }
    return t.build();
  }

  /** The context document as bytes: pretty-printed, ending in a newline. */
  public static byte[] contextBytes(JsonObject context) {
    return pretty(context);
  }

  /**
   * Writes every quad of the dataset (named graphs kept) as compacted JSON-LD, with {@code
   * context}'s {@code @context} inline. Keys and nodes are ordered, so the bytes are stable (for
   * data without blank nodes, as chizai-kg's is).
   */
  public static void write(Dataset ds, JsonObject context, OutputStream out) throws IOException {
    write(ds.asDatasetGraph(), context, out);
  }

  /** Writes one graph (as the default graph of a document), as {@link #write(Dataset, …)} does. */
  public static void write(Model m, JsonObject context, OutputStream out) throws IOException {
    write(DatasetGraphFactory.wrap(m.getGraph()), context, out);
  }

  private static void write(DatasetGraph dsg, JsonObject context, OutputStream out)
      throws IOException {
    QuadsToJsonld toJsonLd = JsonLd.fromRdf().mode(JsonLdVersion.V1_1).ordered(true);
    // Sorted by their N-Quads form, computed once per quad.
    List<Quad> quads =
        dsg.stream()
            .map(q -> Map.entry(NodeFmtLib.str(q), q))
            .sorted(Map.Entry.comparingByKey())
            .map(Map.Entry::getValue)
            .toList();
    try {
      for (Quad q : quads) {
        String graph = q.isDefaultGraph() ? null : q.getGraph().getURI();
        Node o = q.getObject();
        if (o.isLiteral()) {
          String lang = o.getLiteralLanguage();
          toJsonLd.quad(
              iri(q.getSubject()),
              iri(q.getPredicate()),
              o.getLiteralLexicalForm(),
              o.getLiteralDatatypeURI(),
              lang.isEmpty() ? null : lang,
              null,
              graph);
        } else {
          toJsonLd.quad(
              iri(q.getSubject()), iri(q.getPredicate()), iri(o), null, null, null, graph);
        }
      }
      JsonArray expanded = toJsonLd.toJsonLd();
      JsonObject compacted =
          JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(context)).ordered(true).get();
      out.write(pretty((JsonObject) keysInReadingOrder(compacted)));
    } catch (JsonLdError | RdfConsumerException e) {
      throw new IOException("JSON-LD: " + e.getMessage(), e);
    }
  }

  /**
   * Titanium orders keys by code point, which puts {@code @context} last and a named graph's
   * {@code @id} after its {@code @graph}: put {@code @context}, {@code @id} and {@code @type} first
   * and {@code @graph} last, keeping the order of the rest.
   */
  private static JsonValue keysInReadingOrder(JsonValue v) {
    if (v instanceof JsonObject o) {
      JsonObjectBuilder b = JSON.createObjectBuilder();
      List<String> keys = new java.util.ArrayList<>(o.keySet());
      keys.sort(Comparator.comparingInt(JsonLdWriter::rank));
      for (String k : keys) {
        b.add(k, k.equals("@context") ? o.get(k) : keysInReadingOrder(o.get(k)));
      }
      return b.build();
    }
    if (v instanceof JsonArray a) {
      jakarta.json.JsonArrayBuilder b = JSON.createArrayBuilder();
      a.forEach(x -> b.add(keysInReadingOrder(x)));
      return b.build();
    }
    return v;
  }

  private static int rank(String key) {
    return switch (key) {
      case "@context" -> 0;
      case "@id" -> 1;
      case "@type" -> 2;
      case "@graph" -> 4;
      default -> 3;
    };
  }

  /** An IRI, or a blank node in Titanium's {@code _:label} form. */
  private static String iri(Node n) {
    if (n.isBlank()) {
      return "_:b" + Sha256.hex(n.getBlankNodeLabel()).substring(0, 16);
    }
    if (!n.isURI()) {
      throw new IllegalArgumentException("not an IRI or a blank node: " + n);
    }
    return n.getURI();
  }

  private static byte[] pretty(JsonObject json) {
    JsonWriterFactory factory =
        JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (JsonWriter w = factory.createWriter(buf, StandardCharsets.UTF_8)) {
      w.write(json);
    }
    String text = buf.toString(StandardCharsets.UTF_8).strip() + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
