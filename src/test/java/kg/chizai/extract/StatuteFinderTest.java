package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kg.chizai.extract.text.Numerals;
import org.junit.jupiter.api.Test;

class StatuteFinderTest {

  static final StatuteFinder FINDER = new StatuteFinder(ReferenceTables.load(Optional.empty()));
  static final LocalDate REPORT = LocalDate.of(2026, 4, 30);

  private static List<String> ids(String text) {
    return FINDER.find(text, REPORT).found().stream()
        .map(f -> f.lawId() + f.article().map(a -> "#" + a).orElse(""))
        .toList();
  }

  @Test
  void find_titleAndAlias_sameStatute() {
    assertEquals(List.of("345AC0000000048"), ids("著作権法に基づく"));
    assertEquals(List.of("322AC0000000054"), ids("独占禁止法等を対象とする"));
    assertEquals(List.of("322AC0000000054"), ids("私的独占の禁止及び公正取引の確保に関する法律の運用"));
  }

  @Test
  void find_renamedStatute_formerTitleAndNewAliasesResolveToOneId() {
    assertEquals(List.of("331AC0000000120"), ids("下請代金支払遅延等防止法に関するガイドライン"));
    assertEquals(List.of("331AC0000000120"), ids("令和8年1月1日に施行された取適法"));
    assertEquals(List.of("331AC0000000120"), ids("中小受託取引適正化法が施行された"));
    assertEquals(List.of("413AC0000000137"), ids("プロバイダ責任制限法"));
    assertEquals(List.of("413AC0000000137"), ids("情報流通プラットフォーム対処法の適切な運用"));
  }

  @Test
  void find_sameLaw_resolvesToTheLastStatuteNamedBefore() {
    assertEquals(
        List.of("507AC0000000053", "507AC0000000053#13"),
        ids("人工知能関連技術の研究開発及び活用の推進に関する法律を公布し、同法第13条に基づく指針を策定した。"));
    assertEquals(
        List.of("405AC0000000047", "345AC0000000048", "345AC0000000048#30-4"),
        ids("不正競争防止法及び著作権法について、同法第三十条の四の考え方を整理した。"));
  }

  @Test
  void find_sameLawWithNothingBefore_notLinked() {
    StatuteFinder.Result r = FINDER.find("同法に基づき対応する。", REPORT);
    assertEquals(List.of(), r.found());
    assertEquals("同法", r.notLinked().get(0).surface());
  }

  @Test
  void find_articleAfterName() {
    assertEquals(List.of("345AC0000000048#30-4"), ids("著作権法第30条の4の解釈"));
    assertEquals(List.of("129AC0000000089#709"), ids("民法第709条に基づく損害賠償"));
  }

  @Test
  void find_amendingActs_byChainByYearAndByVerb() {
    assertEquals(
        List.of("331AC0000000120", "345AC0000000145", "507AC0000000041"),
        ids("下請代金支払遅延等防止法及び下請中小企業振興法の改正法に基づき"));
    assertEquals(List.of("345AC0000000048", "505AC0000000033"), ids("2023年に改正された著作権法に基づく"));
    assertEquals(List.of("345AC0000000048", "505AC0000000033"), ids("令和5年に改正された著作権法に基づく"));
    assertEquals(List.of("331AC0000000120", "507AC0000000041"), ids("下請法を改正し、新たな禁止事項を設けた。"));
  }

  @Test
  void find_foreignLaw_notLinked() {
    StatuteFinder.Result r = FINDER.find("ベトナム公安省に対し、同国の著作権法を適用した処罰を促す", REPORT);
    assertEquals(List.of(), r.found());
    assertTrue(r.notLinked().get(0).foreign());
    assertEquals(List.of(), FINDER.find("ベトナムの著作権法", REPORT).found());
    assertEquals(List.of("345AC0000000048"), ids("日本の著作権法に基づき刑事処罰をし得る"));
  }

  @Test
  void find_genericPhrases_neitherLinkedNorReported() {
    StatuteFinder.Result r = FINDER.find("知的財産法やAIガバナンス、消費者保護法制、所管法令、関連法", REPORT);
    assertEquals(List.of(), r.found());
    assertEquals(List.of(), r.notLinked());
  }

  @Test
  void find_unknownLawLikeName_reported() {
    StatuteFinder.Result r = FINDER.find("架空コンテンツ振興法に基づき、適切な方法で対応した。", REPORT);
    assertEquals(List.of(), r.found());
    assertEquals(1, r.notLinked().size());
    assertEquals("架空コンテンツ振興法", r.notLinked().get(0).surface());
  }

  @Test
  void find_shortNameInsideLongerWord_notMatched() {
    assertEquals(List.of(), ids("国際刑法の議論"));
    assertEquals(List.of("140AC0000000045"), ids("刑法等の当省所管法令上の罪"));
  }

  @Test
  void kanjiNumerals_parse() {
    assertEquals(13, Numerals.parse("十三"));
    assertEquals(120, Numerals.parse("百二十"));
    assertEquals(2025, Numerals.parse("二〇二五"));
    assertEquals(13, Numerals.parse("１３"));
  }
}
