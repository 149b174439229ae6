package kg.chizai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kg.chizai.model.Direction;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.rdf.CKG;
import kg.chizai.testing.Seed;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every researcher query in {@code queries/} parses, says what question it answers, and answers it
 * on the seed: each query file has a check of its answer here, and a query without one fails. The
 * expected answers come from plain scans of the source text, from the converter's model records or
 * from a hand count, never from the query itself; where the seed has no answer (no unanswered
 * direction), the query is also run on a changed copy of the graph that has one.
 */
class QueriesTest {

  static Model graph;
  static List<String> lines;
  static Pipeline.Conversion conversion;

  @BeforeAll
  static void convert() {
    conversion = Seed.conversion();
    graph = conversion.dataset().getUnionModel();
    lines = Seed.lines();
  }

  static Stream<Path> queryFiles() throws Exception {
    return Files.list(Path.of("queries")).filter(p -> p.toString().endsWith(".rq")).sorted();
  }

  @ParameterizedTest
  @MethodSource("queryFiles")
  void query_parsesAndStatesItsQuestion(Path file) throws Exception {
    String text = Files.readString(file);
    assertTrue(text.startsWith("# Question: "), file + " must start with '# Question: …'");
    Query q = QueryFactory.create(text);
    assertTrue(q.isSelectType(), file + ": the checks here read SELECT answers");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryFiles")
  void query_answersItsQuestionOnTheSeed(Path file) {
    String name = file.getFileName().toString();
    switch (name) {
      case "article-citations.rq" -> articleCitations_theAiActArticle13();
      case "bodies-in-area.rq" -> bodiesInArea_countsMatchTheTagsOfTheArea();
      case "budget-items-by-fiscal-year-and-body.rq" ->
          budgetItems_byFiscalYearAndBody_matchTheBudgetYearsOfTheText();
      case "considering-only-directions.rq" ->
          consideringOnlyDirections_sameAsTheStatusesOfTheirEntries();
      case "dated-in-fiscal-year.rq" -> datedInFiscalYear_everyTimeThatNamesOrFallsIn2026();
      case "deadlines-and-targets-ahead.rq" -> deadlinesAndTargetsAhead_areTheFutureOnesOnly();
      case "documents-by-body.rq" -> documentsByBody_aiGuidelinesReportedByBothMinistries();
      case "entries-by-ministry.rq" -> entriesByMinistry_agenciesRollUpToTheirMinistry();
      case "joint-entries.rq" -> jointEntries_oneRowPerJointTag();
      case "quantitative-targets.rq" -> quantitativeTargets_everyLineWithAYearDeadlineAndAnAmount();
      case "relisted-directions.rq" -> relistedDirections_oneRowPerMarkedBullet();
      case "renamed-statutes.rq" -> renamedStatutes_formerNamesStillUsedAreListedWithTheirLines();
      case "statute-links.rq" -> statuteLinks_everyStatuteHasItsEgovPageAndApiResource();
      case "statutes-cited-in-area.rq" -> statutesCitedInArea_antiPiracyAreaCitesFourStatutes();
      case "timeline-2025.rq" -> timeline2025_everyEventDatedIn2025InDateOrder();
      case "unanswered-directions.rq" -> unansweredDirections_exactlyThoseNoEntryAddresses();
      default -> fail(file + " has no check of its answer: add one to QueriesTest");
    }
  }

  private static void bodiesInArea_countsMatchTheTagsOfTheArea() {
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

  private static void jointEntries_oneRowPerJointTag() {
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

  private static void relistedDirections_oneRowPerMarkedBullet() {
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.endsWith("【再掲】") && !l.matches("^(- )?【(?!再掲).*")) {
        expected.add(i + 1);
      }
    }
    List<QuerySolution> rows = select("relisted-directions.rq");
    assertFalse(expected.isEmpty());
    assertEquals(expected, rows.stream().map(s -> s.getLiteral("line").getInt()).toList());
    for (QuerySolution s : rows) {
      assertTrue(s.getLiteral("originalLine").getInt() < s.getLiteral("line").getInt());
    }
  }

  private static void unansweredDirections_exactlyThoseNoEntryAddresses() {
    Report report = conversion.reports().get(0);
    // The seed: every direction is answered, as the model records say.
    assertEquals(unanswered(report, report.entries()), lines(select("unanswered-directions.rq")));
    assertEquals(List.of(), unanswered(report, report.entries()));

    // Without the entries of the anti-piracy area, the directions only they answer are unanswered.
    String area =
        report.sections().stream()
            .filter(x -> x.title().equals("海賊版対策の強化"))
            .findFirst()
            .orElseThrow()
            .key();
    List<ProgressEntry> dropped =
        report.entries().stream().filter(e -> e.sectionKey().equals(area)).toList();
    List<ProgressEntry> kept =
        report.entries().stream().filter(e -> !e.sectionKey().equals(area)).toList();
    List<Integer> expected = unanswered(report, kept);
    assertTrue(expected.size() > 5, "directions of the area alone: " + expected);
    Model changed = ModelFactory.createDefaultModel().add(graph);
    for (ProgressEntry e : dropped) {
      Resource entry = changed.getResource(Seed.IRIS.entry(report, e.id()));
      assertTrue(changed.contains(entry, CKG.addresses), e.id());
      changed.removeAll(entry, CKG.addresses, null);
    }
    List<QuerySolution> rows = select("unanswered-directions.rq", changed);
    assertEquals(expected, lines(rows));
    for (QuerySolution row : rows) {
      Direction d = directionAt(report, row.getLiteral("line").getInt());
      assertEquals(Seed.IRIS.direction(report, d.id()), row.getResource("direction").getURI());
      assertEquals(d.text(), row.getLiteral("text").getString());
    }
  }

  /** The first lines of the directions that none of {@code entries} addresses, in order. */
  private static List<Integer> unanswered(Report report, List<ProgressEntry> entries) {
    Set<String> addressed = new TreeSet<>();
    entries.forEach(e -> addressed.addAll(e.addresses()));
    return report.directions().stream()
        .filter(d -> !addressed.contains(d.id()))
        .map(d -> d.span().lineStart())
        .sorted()
        .toList();
  }

  private static Direction directionAt(Report report, int line) {
    return report.directions().stream()
        .filter(d -> d.span().lineStart() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no direction starts at line " + line));
  }

  private static List<Integer> lines(List<QuerySolution> rows) {
    return rows.stream().map(r -> r.getLiteral("line").getInt()).toList();
  }

  private static void entriesByMinistry_agenciesRollUpToTheirMinistry() {
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

  private static void statutesCitedInArea_antiPiracyAreaCitesFourStatutes() {
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

  private static void renamedStatutes_formerNamesStillUsedAreListedWithTheirLines() {
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
    assertFalse(expected.isEmpty());
    assertEquals(expected, subcontractLines);
    assertTrue(
        rows.stream()
            .anyMatch(s -> s.getLiteral("renamedOn").getLexicalForm().equals("2026-01-01")));
  }

  private static void statuteLinks_everyStatuteHasItsEgovPageAndApiResource() {
    List<QuerySolution> rows = select("statute-links.rq");
    assertEquals(16, rows.size());
    for (QuerySolution s : rows) {
      String id = s.getLiteral("lawId").getString();
      assertEquals("https://laws.e-gov.go.jp/law/" + id, s.getResource("page").getURI());
      assertEquals("https://laws.e-gov.go.jp/api/2/law_data/" + id, s.getResource("api").getURI());
      assertTrue(s.getLiteral("citations").getInt() >= 1, id);
    }
  }

  private static void articleCitations_theAiActArticle13() {
    List<QuerySolution> rows = select("article-citations.rq");
    assertEquals(1, rows.size());
    assertEquals("13", rows.get(0).getLiteral("articleNumber").getString());
    assertEquals(
        "https://laws.e-gov.go.jp/law/507AC0000000053#Mp-At_13",
        rows.get(0).getResource("page").getURI());
    assertEquals(89, rows.get(0).getLiteral("line").getInt());
  }

  private static void documentsByBody_aiGuidelinesReportedByBothMinistries() {
    QuerySolution ai =
        select("documents-by-body.rq").stream()
            .filter(s -> s.getLiteral("name").getString().equals("AI事業者ガイドライン"))
            .findFirst()
            .orElseThrow();
    assertEquals("Guideline", ai.getLiteral("kind").getString());
    assertTrue(ai.getLiteral("reportedBy").getString().contains("総務省"));
    assertTrue(ai.getLiteral("reportedBy").getString().contains("経済産業省"));
  }

  private static void quantitativeTargets_everyLineWithAYearDeadlineAndAnAmount() {
    List<Integer> expected = new ArrayList<>();
    Pattern target = Pattern.compile("\\d{4}年までに[^、。]*?\\d+(兆円|か所)");
    for (int i = 0; i < lines.size(); i++) {
      if (target.matcher(lines.get(i)).find()) {
        expected.add(i + 1);
      }
    }
    List<QuerySolution> rows = select("quantitative-targets.rq");
    assertFalse(expected.isEmpty());
    assertEquals(expected, rows.stream().map(s -> s.getLiteral("line").getInt()).toList());
    for (QuerySolution s : rows) {
      assertEquals("2033", s.getLiteral("targetYear").getLexicalForm());
    }
  }

  private static void timeline2025_everyEventDatedIn2025InDateOrder() {
    long expected =
        conversion.events().get(0).events().stream()
            .filter(e -> e.date().isPresent() && e.date().get().lexical().startsWith("2025"))
            .count();
    List<QuerySolution> rows = select("timeline-2025.rq");
    assertTrue(expected > 5, "events dated in 2025: " + expected);
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

  /** Lines of the seed where {@code p} matches outside 「」 quotes (names), 1-based. */
  static java.util.SortedSet<Integer> linesOutsideQuotes(Pattern p) {
    java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher m = p.matcher(l);
      while (m.find()) {
        String before = l.substring(0, m.start());
        if (before.chars().filter(c -> c == '「').count()
            == before.chars().filter(c -> c == '」').count()) {
          out.add(i + 1);
        }
      }
    }
    return out;
  }

  private static void datedInFiscalYear_everyTimeThatNamesOrFallsIn2026() {
    // Plain scan: 令和8年度 / 2026年度 / 令和8年予算 (a budget year), and months April 2026 to March
    // 2027 in either calendar.
    java.util.SortedSet<Integer> expected =
        linesOutsideQuotes(
            Pattern.compile(
                "令和8年度|2026年度|令和8年予算|(?:令和8|2026)年(?:[4-9]|1[0-2])月|(?:令和9|2027)年[1-3]月"));
    // The cover's 令和8年4月 is the report's date, not a time any item states.
    expected.remove(lines.indexOf("令和8年4月") + 1);
    // Read by hand: 本年秋 (autumn 2026, line 708) and 次年度 after 令和7年度 (FY2026, line 941).
    expected.add(lineContaining("本年秋の結果公表を目指す"));
    expected.add(lineContaining("次年度は参加国を拡大して開催予定"));
    List<QuerySolution> rows = select("dated-in-fiscal-year.rq");
    java.util.SortedSet<Integer> actual = new java.util.TreeSet<>();
    rows.forEach(r -> actual.add(r.getLiteral("line").getInt()));
    assertEquals(expected, actual);
    // 令和8年度も引き続き実施予定: the time of a planned implementation.
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.getLiteral("line").getInt() == 606
                        && r.getLiteral("roles").getString().equals("event")
                        && r.getLiteral("events").getString().equals("実施")
                        && r.getLiteral("bodies").getString().equals("文化庁")));
    // Not wholly in FY2026: 令和8年3月25日 (FY2025) and 令和8年において (the calendar year 2026).
    assertFalse(
        actual.contains(
            lines.indexOf(
                    lines.stream()
                        .filter(l -> l.contains("令和8年3月25日に開始"))
                        .findFirst()
                        .orElseThrow())
                + 1));
    assertFalse(actual.contains(lineContaining("令和8年において推進")));
  }

  private static void budgetItems_byFiscalYearAndBody_matchTheBudgetYearsOfTheText() {
    // Plain scan: an era fiscal year directly followed by 予算, 補正, or a programme ending in 事業 /
    // 補助金 (令和6年度クリエイター・事業者支援事業費補助金); 補正 marks a supplementary budget.
    Pattern budget =
        Pattern.compile("令和(\\d+)年度?(補正)?(?:予算|[^、。「」（）\\sにはもでの]{0,30}?(?:事業費補助金|事業(?!者)|補助金))");
    Map<String, java.util.SortedSet<Integer>> byYear = new TreeMap<>();
    Map<String, Integer> supplementary = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = budget.matcher(lines.get(i));
      while (m.find()) {
        String fy = (2018 + Integer.parseInt(m.group(1))) + "年度";
        byYear.computeIfAbsent(fy, k -> new java.util.TreeSet<>()).add(i + 1);
        if (m.group(2) != null) {
          supplementary.merge(fy, 1, Integer::sum);
        }
      }
    }
    Map<String, java.util.SortedSet<Integer>> actual = new TreeMap<>();
    Map<String, Integer> actualSupplementary = new TreeMap<>();
    for (QuerySolution r : select("budget-items-by-fiscal-year-and-body.rq")) {
      String fy = r.getLiteral("fiscalYear").getString();
      for (String line : r.getLiteral("lines").getString().split(" ")) {
        actual.computeIfAbsent(fy, k -> new java.util.TreeSet<>()).add(Integer.parseInt(line));
      }
      int n = r.getLiteral("supplementary").getInt();
      if (n > 0) {
        actualSupplementary.merge(fy, n, Integer::sum);
      }
    }
    assertEquals(byYear, actual);
    assertEquals(supplementary, actualSupplementary);
    assertEquals(Set.of("2024年度", "2025年度", "2026年度"), byYear.keySet());
    // 令和6年度補正予算のクリエイター事業者支援事業 (line 147) is 経済産業省's.
    assertTrue(
        select("budget-items-by-fiscal-year-and-body.rq").stream()
            .anyMatch(
                r ->
                    r.getLiteral("body").getString().equals("経済産業省")
                        && r.getLiteral("lines").getString().contains("147")));
  }

  private static void deadlinesAndTargetsAhead_areTheFutureOnesOnly() {
    // Plain scan: までに after a year, and 目指す, with the year or season they name. 2033年までに is
    // ahead of 令和8年4月; 2000年までに刊行された (line 1068) is a bound on the past.
    java.util.SortedSet<Integer> expected = linesOutsideQuotes(Pattern.compile("20[3-9]\\d年までに"));
    expected.add(lineContaining("本年秋の結果公表を目指す"));
    List<QuerySolution> rows = select("deadlines-and-targets-ahead.rq");
    java.util.SortedSet<Integer> actual = new java.util.TreeSet<>();
    rows.forEach(r -> actual.add(r.getLiteral("line").getInt()));
    assertEquals(expected, actual);
    assertFalse(actual.contains(lineContaining("2000年までに国内で刊行された")));
    for (QuerySolution r : rows) {
      assertTrue(
          r.getLiteral("latest").getLexicalForm().compareTo("2026-04-01") >= 0, r.toString());
    }
  }

  @Test
  void deadlinesAndTargetsAhead_aPastDeadlineIsLeftOut(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    // The seed states no deadline that has passed, so a small report of 令和8年4月 states two: one
    // passed (2025年3月までに) and one ahead (2027年度末までに).
    Path report = dir.resolve("report.txt");
    Files.writeString(
        report,
        String.join(
            "\n",
            "「知的財産推進計画2025」の進捗状況",
            "令和8年4月",
            "内閣府知的財産戦略推進事務局",
            "コンテンツ戦略",
            "(1) 司令塔機能の強化",
            "知的財産推進計画2025の方向性",
            "- 2025年3月までに関係法令の改正案を取りまとめる。",
            "- 2027年度末までに新たな指針を策定する。",
            "主な進捗状況",
            "【知財】検討を進めている。",
            ""));
    Model small =
        kg.chizai.Pipeline.create(kg.chizai.Config.defaults())
            .convert(List.of(report))
            .dataset()
            .getUnionModel();
    List<QuerySolution> rows = select("deadlines-and-targets-ahead.rq", small);
    assertEquals(
        List.of("2027年度末までに"),
        rows.stream().map(r -> r.getLiteral("surface").getString()).toList());
    assertEquals("deadline", rows.get(0).getLiteral("role").getString());
  }

  private static void consideringOnlyDirections_sameAsTheStatusesOfTheirEntries() {
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

  /** The 1-based number of the one line that contains {@code text}. */
  private static int lineContaining(String text) {
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        assertEquals(-1, found, "more than one line contains " + text);
        found = i + 1;
      }
    }
    assertTrue(found > 0, "no line contains " + text);
    return found;
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
    return select(name, graph);
  }

  static List<QuerySolution> select(String name, Model data) {
    try {
      Query q = QueryFactory.read("queries/" + name);
      try (QueryExecution qe = QueryExecution.create().query(q).model(data).build()) {
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
