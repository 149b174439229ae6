package kg.chizai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kg.chizai.extract.time.Qualifier;
import kg.chizai.testing.Seed;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACLM;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The SHACL shapes, proven shape by shape: {@code src/test/resources/shapes/valid.ttl} conforms
 * with no finding at all, and each fixture under {@code fixtures/} (added to it) breaks exactly the
 * shape its header names. A fixture's second line reads {@code # expect: SHAPE COMPONENT FOCUS
 * [warning]}: every finding must come from SHAPE about FOCUS ({@code _:} for any blank node, {@code
 * <sheet/2>} relative to the fixtures' base), at least one from COMPONENT; with {@code warning},
 * the findings are warnings and the data still conforms.
 */
class ShapesTest {

  static final Path DIR = Path.of("src", "test", "resources", "shapes");
  static final Path FIXTURES = DIR.resolve("fixtures");
  static final String BASE = "https://w3id.org/chizai-kg/id/report/2099-progress/";
  static final Pattern EXPECT = Pattern.compile("(?m)^# expect: (\\S+) (\\S+) (\\S+)( warning)?$");

  static String prefixes;

  @BeforeAll
  static void readPrefixes() throws IOException {
    prefixes = Files.readString(DIR.resolve("prefixes.ttl"));
  }

  static Model parse(Model into, Path file) throws IOException {
    String text = prefixes + "\n" + Files.readString(file, StandardCharsets.UTF_8);
    RDFParser.create().source(new StringReader(text)).lang(Lang.TURTLE).parse(into);
    return into;
  }

  static Conformance validate(Path... files) throws IOException {
    Model m = ModelFactory.createDefaultModel();
    for (Path f : files) {
      parse(m, f);
    }
    return Shacl.validate(m.getGraph());
  }

  @Test
  void validate_validGraph_noFindings() throws IOException {
    Conformance c = validate(DIR.resolve("valid.ttl"));
    assertTrue(c.findings().isEmpty(), c.render());
    assertTrue(c.conforms());
  }

  @Test
  void validate_seed_conformsWithoutFindings() {
    Conformance c = Seed.validation().conformance();
    assertTrue(c.findings().isEmpty(), c.render());
    assertTrue(c.triples() > 4000);
  }

  @TestFactory
  Stream<DynamicTest> fixture_breaksExactlyItsShape() throws IOException {
    List<Path> files = fixtures();
    assertTrue(files.size() >= 40, "fixtures: " + files.size());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      Expectation e = expectation(f);
                      Conformance c = validate(DIR.resolve("valid.ttl"), f);
                      String report = f.getFileName() + ":\n" + c.render();
                      assertFalse(c.findings().isEmpty(), report);
                      for (Finding finding : c.findings()) {
                        assertEquals(e.shape(), finding.shape(), report);
                        if (e.focus().equals("_:")) {
                          assertTrue(finding.focus().startsWith("_:"), report);
                        } else {
                          assertEquals(e.focus(), finding.focus(), report);
                        }
                        assertEquals(
                            e.warning() ? Finding.Severity.WARNING : Finding.Severity.VIOLATION,
                            finding.severity(),
                            report);
                      }
                      assertTrue(
                          c.findings().stream().anyMatch(x -> x.component().equals(e.component())),
                          report);
                      assertEquals(e.warning(), c.conforms(), report);
                    }));
  }

  @Test
  void everyShape_hasAFixture() throws IOException {
    Model shapes = Shacl.shapesModel();
    Set<String> declared = new TreeSet<>();
    for (Resource type : List.of(SHACLM.NodeShape, SHACLM.PropertyShape)) {
      for (Resource s : shapes.listSubjectsWithProperty(RDF.type, type).toList()) {
        declared.add(shapes.shortForm(s.getURI()));
      }
    }
    assertTrue(declared.size() > 40, declared.toString());
    for (Path f : fixtures()) {
      declared.remove(expectation(f).shape());
    }
    assertTrue(declared.isEmpty(), "shapes without a fixture: " + declared);
  }

  @Test
  void closedLists_matchTheOntologyAndTheConverter() {
    Model ontology = RDFDataMgr.loadModel("ontology/chizai.ttl");
    Model shapes = Shacl.shapesModel();
    assertEquals(
        concepts(ontology, "https://w3id.org/chizai-kg/def/event-type"),
        in(shapes, "Event-eventType"));
    assertEquals(
        concepts(ontology, "https://w3id.org/chizai-kg/def/status"),
        in(shapes, "ProgressEntry-status"));
    Set<String> qualifiers = concepts(ontology, "https://w3id.org/chizai-kg/def/date-qualifier");
    assertEquals(qualifiers, in(shapes, "Event-dateQualifier"));
    assertEquals(qualifiers, in(shapes, "StatedTime-dateQualifier"));
    Set<String> codes = new TreeSet<>();
    for (Qualifier q : Qualifier.values()) {
      codes.add("https://w3id.org/chizai-kg/def/date-qualifier#" + q.code());
    }
    assertEquals(codes, qualifiers, "Qualifier codes and the date-qualifier scheme");
    assertEquals(
        concepts(ontology, "https://w3id.org/chizai-kg/def/time-role"),
        in(shapes, "StatedTime-timeRole"));
  }

  /** The concepts of a SKOS scheme, as IRIs. */
  static Set<String> concepts(Model ontology, String scheme) {
    Set<String> out = new TreeSet<>();
    ontology
        .listSubjectsWithProperty(SKOS.inScheme, ontology.getResource(scheme))
        .forEach(c -> out.add(c.getURI()));
    assertFalse(out.isEmpty(), scheme);
    return out;
  }

  /** The values of a shape's {@code sh:in}: IRIs, or the lexical forms of literals. */
  static Set<String> in(Model shapes, String shape) {
    Resource list = shapes.getResource(Shacl.SHAPES_NS + shape).getPropertyResourceValue(SHACLM.in);
    Set<String> out = new TreeSet<>();
    for (RDFNode n : list.as(RDFList.class).asJavaList()) {
      out.add(n.isURIResource() ? n.asResource().getURI() : n.asLiteral().getLexicalForm());
    }
    return out;
  }

  @Test
  void finding_rendersFocusPathMessageShapeAndValue() throws IOException {
    Conformance c =
        validate(DIR.resolve("valid.ttl"), FIXTURES.resolve("direction-text-in-english.ttl"));
    assertTrue(
        c.render()
            .contains(
                "<"
                    + BASE
                    + "direction/2-9> ckg:sourceText: has exactly one non-empty source text in"
                    + " Japanese, tagged @ja (ckg:sourceText) (ckgsh:sourceText,"
                    + " LanguageInConstraintComponent, value \"Strengthen measures against"
                    + " piracy.\"@en)"),
        c.render());
  }

  @Test
  void finding_warning_prefixedAndDoesNotBreakConformance() throws IOException {
    Conformance c =
        validate(DIR.resolve("valid.ttl"), FIXTURES.resolve("entry-addresses-nothing.ttl"));
    assertTrue(c.conforms());
    assertEquals(1, c.warnings().size(), c.render());
    assertTrue(c.render().startsWith("warning: <" + BASE + "entry/2-9> ckg:addresses: "));
  }

  record Expectation(String shape, String component, String focus, boolean warning) {}

  static Expectation expectation(Path fixture) throws IOException {
    String text = Files.readString(fixture);
    Matcher m = EXPECT.matcher(text);
    if (!m.find()) {
      fail(fixture + " has no '# expect: SHAPE COMPONENT FOCUS' line");
    }
    String focus = m.group(3);
    if (focus.startsWith("<") && focus.endsWith(">")) {
      focus = BASE + focus.substring(1, focus.length() - 1);
    } else if (!focus.equals("_:")) {
      Model pm = parse(ModelFactory.createDefaultModel(), fixture);
      focus = pm.expandPrefix(focus);
    }
    return new Expectation(m.group(1), m.group(2), focus, m.group(4) != null);
  }

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES)) {
      return s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
    }
  }
}
