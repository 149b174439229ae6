package kg.chizai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every researcher query in {@code queries/} parses, says what question it answers, and answers it
 * on the seed. Expected answers come from plain scans of the source text where one can be made.
 */
class QueriesTest {

  static final Path SEED = Path.of("data/source/ip-strategic-program-2025-progress-2026-04.txt");
  static Model graph;
  static List<String> lines;
  static Pipeline.Conversion conversion;

  @BeforeAll
  static void convert() throws Exception {
    conversion = Pipeline.create(Config.defaults()).convert(List.of(SEED));
    graph = conversion.dataset().getUnionModel();
    lines = Files.readAllLines(SEED);
  }

  static Stream<Path> queryFiles() throws Exception {
    return Files.list(Path.of("queries")).filter(p -> p.toString().endsWith(".rq")).sorted();
  }

  @ParameterizedTest
  @MethodSource("queryFiles")
  void query_parsesRunsAndStatesItsQuestion(Path file) throws Exception {
    String text = Files.readString(file);
    assertTrue(text.startsWith("# Question: "), file + " must start with '# Question: …'");
    Query q = QueryFactory.create(text);
    assertTrue(q.isSelectType() || q.isConstructType() || q.isAskType(), file.toString());
    if (q.isSelectType()) {
      select(file.getFileName().toString());
    }
  }

  @Test
  void bodiesInArea_countsMatchTheTagsOfTheArea() {
    // Plain scan: tags between the contents sheet that highlights (6) and the one that highlights
    // (7).
    int from = indexOf("(6) 海賊版対策の強化**");
    int to = indexOf("(7) デジタルアーカイブの推進**");
    Map<String, Integer> tags = new TreeMap<>();
    Matcher m = Pattern.compile("【([^】]*)】").matcher(String.join("\n", lines.subList(from, to)));
    while (m.find()) {
      tags.merge(m.group(1), 1, Integer::sum);
    }
    Map<String, Integer> byName = new TreeMap<>();
    for (QuerySolution s : select("bodies-in-area.rq")) {
      byName.put(s.getLiteral("name").getString(), s.getLiteral("entries").getInt());
    }
    assertEquals(tags.get("文化庁"), byName.get("文化庁"));
    assertEquals(tags.get("警察庁"), byName.get("警察庁"));
    assertEquals(tags.get("経産省"), byName.get("経済産業省"));
    assertEquals(tags.get("知財"), byName.get("知的財産戦略推進事務局"));
    assertEquals(tags.size(), byName.size(), "one row per distinct tag: " + tags + " vs " + byName);
  }

  @Test
  void jointEntries_oneRowPerJointTag() {
    List<Integer> expected = new ArrayList<>();
    Pattern joint = Pattern.compile("^(?:- )?【[^】]*・[^】]*】");
    for (int i = 0; i < lines.size(); i++) {
      if (joint.matcher(lines.get(i)).find()) {
        expected.add(i + 1);
      }
    }
    List<Integer> actual =
        select("joint-entries.rq").stream().map(s -> s.getLiteral("line").getInt()).toList();
    assertFalse(expected.isEmpty());
    assertEquals(expected, actual);
    QuerySolution first = select("joint-entries.rq").get(0);
    assertEquals("総務省・経産省", first.getLiteral("tag").getString());
  }

  @Test
  void relistedDirections_oneRowPerMarkedBullet() {
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.endsWith("【再掲】") && !l.matches("^(- )?【(?!再掲).*")) {
        expected.add(i + 1);
      }
    }
    List<QuerySolution> rows = select("relisted-directions.rq");
    assertEquals(expected, rows.stream().map(s -> s.getLiteral("line").getInt()).toList());
    for (QuerySolution s : rows) {
      assertTrue(s.getLiteral("originalLine").getInt() < s.getLiteral("line").getInt());
    }
  }

  @Test
  void unansweredDirections_noneInTheSeed() {
    assertEquals(List.of(), select("unanswered-directions.rq"));
  }

  @Test
  void entriesByMinistry_agenciesRollUpToTheirMinistry() {
    Map<String, Integer> byName = new TreeMap<>();
    for (QuerySolution s : select("entries-by-ministry.rq")) {
      byName.put(s.getLiteral("name").getString(), s.getLiteral("entries").getInt());
    }
    // 文部科学省 itself reports nothing in the seed: all of its entries are 文化庁's.
    assertEquals(count("文化庁"), byName.get("文部科学省"));
    // 国土交通省 gets 観光庁's entries.
    assertEquals(count("観光庁"), byName.get("国土交通省"));
    assertFalse(byName.containsKey("文化庁"), "agencies are rolled up");
  }

  @Test
  void statutesCitedInArea_antiPiracyAreaCitesFourStatutes() {
    // Hand-checked against the area's text (lines 744–1004): 著作権法, 情報流通プラットフォーム対処法,
    // 犯罪収益移転防止法 and 組織的犯罪処罰法; the Vietnamese copyright law (line 879) is not Japan's.
    List<QuerySolution> rows = select("statutes-cited-in-area.rq");
    assertEquals(
        List.of("345AC0000000048", "411AC0000000136", "413AC0000000137", "419AC0000000022"),
        rows.stream().map(s -> s.getLiteral("lawId").getString()).distinct().toList());
    assertTrue(
        rows.stream()
            .anyMatch(
                s ->
                    s.getLiteral("lawId").getString().equals("345AC0000000048")
                        && s.getLiteral("citedBy").getString().equals("法務省")));
  }

  @Test
  void renamedStatutes_formerNamesStillUsedAreListedWithTheirLines() {
    List<QuerySolution> rows = select("renamed-statutes.rq");
    List<Integer> subcontractLines =
        rows.stream()
            .filter(
                s ->
                    s.getLiteral("lawId").getString().equals("331AC0000000120")
                        && s.contains("line"))
            .map(s -> s.getLiteral("line").getInt())
            .toList();
    // The old title 下請代金支払遅延等防止法 appears on these lines of the seed.
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("下請代金支払遅延等防止法")) {
        expected.add(i + 1);
      }
    }
    assertEquals(expected, subcontractLines);
    assertTrue(
        rows.stream()
            .anyMatch(s -> s.getLiteral("renamedOn").getLexicalForm().equals("2026-01-01")));
  }

  @Test
  void statuteLinks_everyStatuteHasItsEgovPageAndApiResource() {
    List<QuerySolution> rows = select("statute-links.rq");
    assertEquals(16, rows.size());
    for (QuerySolution s : rows) {
      String id = s.getLiteral("lawId").getString();
      assertEquals("https://laws.e-gov.go.jp/law/" + id, s.getResource("page").getURI());
      assertEquals("https://laws.e-gov.go.jp/api/2/law_data/" + id, s.getResource("api").getURI());
      assertTrue(s.getLiteral("citations").getInt() >= 1, id);
    }
  }

  @Test
  void articleCitations_theAiActArticle13() {
    List<QuerySolution> rows = select("article-citations.rq");
    assertEquals(1, rows.size());
    assertEquals("13", rows.get(0).getLiteral("articleNumber").getString());
    assertEquals(
        "https://laws.e-gov.go.jp/law/507AC0000000053#Mp-At_13",
        rows.get(0).getResource("page").getURI());
    assertEquals(89, rows.get(0).getLiteral("line").getInt());
  }

  @Test
  void documentsByBody_aiGuidelinesReportedByBothMinistries() {
    QuerySolution ai =
        select("documents-by-body.rq").stream()
            .filter(s -> s.getLiteral("name").getString().equals("AI事業者ガイドライン"))
            .findFirst()
            .orElseThrow();
    assertEquals("Guideline", ai.getLiteral("kind").getString());
    assertTrue(ai.getLiteral("reportedBy").getString().contains("総務省"));
    assertTrue(ai.getLiteral("reportedBy").getString().contains("経済産業省"));
  }

  @Test
  void quantitativeTargets_everyLineWithAYearDeadlineAndAnAmount() {
    List<Integer> expected = new ArrayList<>();
    Pattern target = Pattern.compile("\\d{4}年までに[^、。]*?\\d+(兆円|か所)");
    for (int i = 0; i < lines.size(); i++) {
      if (target.matcher(lines.get(i)).find()) {
        expected.add(i + 1);
      }
    }
    List<QuerySolution> rows = select("quantitative-targets.rq");
    assertEquals(expected, rows.stream().map(s -> s.getLiteral("line").getInt()).toList());
    for (QuerySolution s : rows) {
      assertEquals("2033", s.getLiteral("targetYear").getLexicalForm());
    }
  }

  @Test
  void timeline2025_everyEventDatedIn2025InDateOrder() {
    long expected =
        conversion.events().get(0).events().stream()
            .filter(e -> e.date().isPresent() && e.date().get().lexical().startsWith("2025"))
            .count();
    List<QuerySolution> rows = select("timeline-2025.rq");
    assertEquals(expected, rows.size());
    List<String> dates = rows.stream().map(r -> r.getLiteral("date").getLexicalForm()).toList();
    assertEquals(dates.stream().sorted().toList(), dates);
    // The AI Act: promulgated 2025-06, in force 2025-09 (同年9月), both on the statute (line 89).
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.getLiteral("date").getLexicalForm().equals("2025-06")
                        && r.getLiteral("type").getString().equals("promulgation")
                        && r.getLiteral("objectLabel").getString().startsWith("人工知能関連技術")));
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.getLiteral("date").getLexicalForm().equals("2025-09")
                        && r.getLiteral("type").getString().equals("entry-into-force")
                        && r.getLiteral("line").getInt() == 89));
  }

  @Test
  void consideringOnlyDirections_sameAsTheStatusesOfTheirEntries() {
    var report = conversion.reports().get(0);
    var status = conversion.events().get(0).statusByEntry();
    List<Integer> expected = new ArrayList<>();
    for (var d : report.directions()) {
      List<java.util.Set<kg.chizai.model.Status>> answers =
          report.entries().stream()
              .filter(e -> e.addresses().contains(d.id()))
              .map(e -> status.get(e.id()))
              .toList();
      if (!answers.isEmpty()
          && answers.stream().allMatch(s -> s.contains(kg.chizai.model.Status.CONSIDERING))
          && answers.stream().noneMatch(s -> s.contains(kg.chizai.model.Status.DONE))) {
        expected.add(d.span().lineStart());
      }
    }
    List<Integer> actual =
        select("considering-only-directions.rq").stream()
            .map(r -> r.getLiteral("line").getInt())
            .toList();
    assertFalse(expected.isEmpty());
    assertEquals(expected, actual);
  }

  private static int count(String bodyTag) {
    Matcher m = Pattern.compile("【([^】]*)】").matcher(String.join("\n", lines));
    int n = 0;
    while (m.find()) {
      if (List.of(m.group(1).split("・")).contains(bodyTag)) {
        n++;
      }
    }
    return n;
  }

  private static int indexOf(String suffix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith(suffix)) {
        return i;
      }
    }
    throw new AssertionError("no line ends with " + suffix);
  }

  static List<QuerySolution> select(String name) {
    try {
      Query q = QueryFactory.read("queries/" + name);
      try (QueryExecution qe = QueryExecution.create().query(q).model(graph).build()) {
        ResultSet rs = qe.execSelect();
        List<QuerySolution> out = new ArrayList<>();
        rs.forEachRemaining(out::add);
        return out;
      }
    } catch (RuntimeException e) {
      throw new AssertionError("query " + name + " failed: " + e.getMessage(), e);
    }
  }
}
