package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kg.chizai.model.Mention;
import kg.chizai.model.Mentions;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.testing.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statute links of the seed report, checked by hand against the text and the research note
 * (data/reference/statutes-research.md, a copy of the research note). Line numbers are those of the
 * seed file.
 */
class SeedMentionsTest {

  static Report report;
  static Mentions mentions;

  @BeforeAll
  static void convert() {
    report = Seed.report();
    mentions = Seed.conversion().mentions().get(0);
  }

  @Test
  void statutes_theSixteenOfTheResearchNoteAreAllFound() {
    // L1–L16 of the research note: every statute the seed names (L3's 2024 amending act is not
    // named).
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "345AC0000000048",
                "405AC0000000047",
                "413AC0000000137",
                "140AC0000000045",
                "507AC0000000053",
                "502AC0000000018",
                "430AC1000000103",
                "505AC0000000025",
                "331AC0000000120",
                "345AC0000000145",
                "322AC0000000054",
                "322AC0000000049",
                "419AC0000000022",
                "411AC0000000136",
                "507AC0000000041",
                "505AC0000000033"));
    Set<String> mentioned =
        mentions.mentions().stream()
            .filter(m -> m.kind() == Mention.Kind.STATUTE)
            .map(Mention::target)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, mentioned);
  }

  @Test
  void sameLaw_article13OfTheAiActAtLine89() {
    List<Mention> at = statutesOf(entryAt(89));
    assertTrue(
        at.stream()
            .anyMatch(
                m -> m.target().equals("507AC0000000053") && m.article().equals(Optional.of("13"))),
        at.toString());
  }

  @Test
  void amendingActs_chainYearAndVerb() {
    assertTrue(targets("direction", 672).contains("507AC0000000041"));
    assertTrue(targets("direction", 539).contains("505AC0000000033"));
    assertTrue(targets("entry", 704).contains("507AC0000000041"));
  }

  @Test
  void renamed_formerTitleAndNewAbbreviationsGoToOneStatute() {
    assertTrue(targets("direction", 688).contains("331AC0000000120")); // 下請代金支払遅延等防止法
    assertTrue(targets("entry", 678).contains("331AC0000000120")); // 取適法
    assertTrue(targets("entry", 694).contains("331AC0000000120")); // 中小受託取引適正化法
    assertTrue(targets("entry", 59).contains("413AC0000000137")); // 情報流通プラットフォーム対処法
  }

  @Test
  void foreignLaw_vietnamsCopyrightActNotLinked() {
    String key = "entry:" + entryAt(879).id();
    assertEquals(List.of("著作権法"), mentions.foreignLaws().get(key));
    assertFalse(targets("entry", 879).contains("345AC0000000048"));
  }

  @Test
  void genericPhrases_notLinked() {
    // 「知的財産法やAIガバナンスに関連するガイドライン」 (line 19) and 「消費者保護法制」 (line 77).
    assertEquals(List.of(), targets("direction", 19));
    assertEquals(List.of(), targets("entry", 74));
    assertEquals(List.of(), mentions.unresolved());
  }

  @Test
  void things_versionsIssuersAndTypes() {
    var ai =
        mentions.things().values().stream()
            .filter(t -> t.label().equals("AI事業者ガイドライン"))
            .findFirst()
            .orElseThrow();
    assertEquals("guideline", ai.type());
    assertTrue(ai.versions().contains("1.2版"));
    var broadcast =
        mentions.things().values().stream()
            .filter(t -> t.label().equals("放送コンテンツの製作取引適正化に関するガイドライン"))
            .findFirst()
            .orElseThrow();
    assertTrue(broadcast.versions().contains("改訂第9版"));
    var eiteki =
        mentions.things().values().stream()
            .filter(t -> t.altLabels().contains("映適取引ガイドライン"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Optional.of("org:japan-film-production-accreditation-organization"), eiteki.issuer());
  }

  private static List<Mention> statutesOf(ProgressEntry e) {
    return mentions.mentions().stream()
        .filter(m -> m.item().equals("entry:" + e.id()) && m.kind() == Mention.Kind.STATUTE)
        .toList();
  }

  private static List<String> targets(String kind, int line) {
    String key =
        kind.equals("entry")
            ? "entry:" + entryAt(line).id()
            : "direction:"
                + report.directions().stream()
                    .filter(d -> d.span().lineStart() == line)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no direction at " + line))
                    .id();
    return mentions.mentions().stream()
        .filter(m -> m.item().equals(key) && m.kind() == Mention.Kind.STATUTE)
        .map(Mention::target)
        .toList();
  }

  private static ProgressEntry entryAt(int line) {
    return report.entries().stream()
        .filter(e -> e.span().lineStart() <= line && line <= e.span().lineEnd())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry at " + line));
  }
}
