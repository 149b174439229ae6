package kg.chizai.validate;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import kg.chizai.base.Resources;
import kg.chizai.rdf.Namespaces;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;

/**
 * Runs the chizai-kg SHACL shapes ({@code ontology/shapes.ttl}, as packaged in the jar) over a
 * graph or over the union of a dataset's graphs.
 *
 * <pre>{@code
 * Conformance c = Shacl.validate(conversion.dataset());
 * if (!c.conforms()) System.out.print(c.render());
 * }</pre>
 */
public final class Shacl {

  /** Where the shapes live on the classpath. */
  public static final String RESOURCE = "/ontology/shapes.ttl";

  /** Namespace of the shapes. */
  public static final String SHAPES_NS = "https://w3id.org/chizai-kg/def/shapes#";

  /** Values longer than this are shortened in findings. */
  private static final int MAX_VALUE = 60;

  private static final PrefixMapping PREFIXES =
      PrefixMapping.Factory.create()
          .setNsPrefixes(Namespaces.prefixes())
          .setNsPrefix("ckgsh", SHAPES_NS)
          .setNsPrefix("sh", SHACL.getURI())
          .lock();

  private static volatile Shapes shapes;

  private Shacl() {}

  /** The shapes graph, as packaged. */
  public static Model shapesModel() {
    Model m = ModelFactory.createDefaultModel();
    RDFDataMgr.read(m, new ByteArrayInputStream(Resources.bytes(RESOURCE)), Lang.TURTLE);
    return m;
  }

  private static Shapes shapes() {
    Shapes s = shapes;
    if (s == null) {
      s = Shapes.parse(shapesModel().getGraph());
      shapes = s;
    }
    return s;
  }

  /** Validates the union of the dataset's default graph and every named graph. */
  public static Conformance validate(Dataset ds) {
    Graph union = GraphFactory.createDefaultGraph();
    ds.getDefaultModel().getGraph().find().forEach(union::add);
    for (Iterator<String> it = ds.listNames(); it.hasNext(); ) {
      ds.getNamedModel(it.next()).getGraph().find().forEach(union::add);
    }
    return validate(union);
  }

  /** Validates one graph. */
  public static Conformance validate(Graph data) {
    ValidationReport report = ShaclValidator.get().validate(shapes(), data);
    List<Finding> findings = new ArrayList<>();
    for (ReportEntry e : report.getEntries()) {
      findings.add(finding(e));
    }
    return new Conformance(findings, data.size());
  }

  private static Finding finding(ReportEntry e) {
    PrefixMap pm = PrefixMapFactory.create(PREFIXES);
    String path =
        e.resultPath() == null ? "" : PathWriter.asString(e.resultPath(), new Prologue(PREFIXES));
    Node component = e.sourceConstraintComponent();
    String componentName =
        component == null
            ? "?"
            : component.isURI() && component.getURI().startsWith(SHACL.getURI())
                ? component.getURI().substring(SHACL.getURI().length())
                : NodeFmtLib.str(component, pm);
    Node focus = e.focusNode();
    return new Finding(
        severity(e.severity()),
        focus.isURI() ? focus.getURI() : "_:" + focus.getBlankNodeLabel(),
        path,
        e.message(),
        e.source() == null ? "?" : NodeFmtLib.str(e.source(), pm),
        componentName,
        Optional.ofNullable(e.value()).map(v -> shorten(NodeFmtLib.str(v, pm))));
  }

  private static Finding.Severity severity(Severity s) {
    if (Severity.Warning.equals(s)) {
      return Finding.Severity.WARNING;
    }
    if (Severity.Info.equals(s)) {
      return Finding.Severity.INFO;
    }
    return Finding.Severity.VIOLATION;
  }

  private static String shorten(String s) {
    String oneLine = s.replace("\n", "\\n").replace("\r", "\\r");
    if (oneLine.codePointCount(0, oneLine.length()) <= MAX_VALUE) {
      return oneLine;
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_VALUE)) + "…";
  }
}
