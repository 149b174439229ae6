package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityAndThingFinderTest {

  static final QuantityFinder QUANTITIES = new QuantityFinder();
  static final ThingFinder THINGS = new ThingFinder(ReferenceTables.load(Optional.empty()));

  @Test
  void quantity_targetWithYearScaledValue() {
    QuantityFinder.Found q = QUANTITIES.find("コンテンツ産業の海外市場規模を2033年までに20兆円とする政府目標").get(0);
    assertEquals(0, new BigDecimal("20000000000000").compareTo(q.value()));
    assertEquals("円", q.unit());
    assertEquals(Optional.of(2033), q.targetYear());
    assertFalse(q.approximate());
  }

  @Test
  void quantity_approximateWithCountedNoun() {
    QuantityFinder.Found q = QUANTITIES.find("ジャパンサーチに約1350万件のメタデータを提供").get(0);
    assertEquals(0, new BigDecimal("13500000").compareTo(q.value()));
    assertTrue(q.approximate());
    assertEquals(Optional.of("メタデータ"), q.counted());
    QuantityFinder.Found commas = QUANTITIES.find("約3,200万件のメタデータ").get(0);
    assertEquals(0, new BigDecimal("32000000").compareTo(commas.value()));
  }

  @Test
  void quantity_labelBeforeColumn() {
    QuantityFinder.Found q = QUANTITIES.find("（画像等コンテンツのデジタル率：26.9%、令和6年度実績）").get(0);
    assertEquals(0, new BigDecimal("26.9").compareTo(q.value()));
    assertEquals("%", q.unit());
    assertEquals(Optional.of("画像等コンテンツのデジタル率"), q.counted());
  }

  @ParameterizedTest
  @CsvSource({
    "令和7年度に実施した",
    "第28回産業構造審議会",
    "1.2版として更新",
    "4K・VFX",
    "Web3.0 やメタバース",
    "デジタルアーカイブ戦略2026-2030に基づき",
    "デジタルアーカイブフェス2025を開催",
    "2026年4月1日より"
  })
  void quantity_datesOrdinalsEditionsAndNamesAreNot(String text) {
    assertEquals(List.of(), QUANTITIES.find(text), text);
  }

  @ParameterizedTest
  @CsvSource({
    "AI事業者ガイドライン,guideline",
    "労務費の適切な転嫁のための価格交渉に関する指針,guideline",
    "インターネット上の海賊版対策に関する工程表,roadmap",
    "デジタルアーカイブ戦略2026-2030,strategy",
    "AIと著作権に関するチェックリスト&ガイダンス,checklist",
    "AI時代の知的財産権検討会,council",
    "レジストラ・CDN等対策WG,council",
    "クリエイター基金,fund",
    "クリエイター・エンタメスタートアップ創出事業費補助金,subsidy",
    "分野横断権利情報検索システム,system",
    "ロケーションデータベース,database",
    "クリエイター・コンテンツ関係者支援ポータル,portal",
    "JFCアワード,award",
    "中間とりまとめ,report"
  })
  void thing_typeFromLastWord(String name, String type) {
    assertEquals(Optional.of(type), ThingFinder.typeOf(name));
  }

  @Test
  void thing_quotedPhrasesThatAreNotNames_skipped() {
    assertEquals(List.of(), THINGS.find("「8つの不足」を克服し、「構造的な価格転嫁」の実現を図る"));
  }

  @Test
  void thing_versionAndProvisionalName() {
    ThingFinder.Found g = THINGS.find("2026年1月1日付で「放送コンテンツの製作取引適正化に関するガイドライン」（改訂第9版）を施行").get(0);
    assertEquals(Optional.of("改訂第9版"), g.version());
    ThingFinder.Found code = THINGS.find("「…に関するプリンシプル・コード（仮称）」の策定").get(0);
    assertEquals(Optional.of("仮称"), code.version());
    assertEquals("…に関するプリンシプル・コード", code.thing().label());
    ThingFinder.Found later =
        THINGS.find("「AI事業者ガイドライン」について周知を行った。本ガイドラインは2026年3月に1.2版として更新しており").get(0);
    assertEquals(Optional.of("1.2版"), later.version());
  }

  @Test
  void thing_sameNameWithDifferentSpacing_sameId() {
    assertEquals(
        THINGS.find("「AI 事業者ガイドライン」").get(0).thing().id(),
        THINGS.find("「AI事業者ガイドライン」").get(0).thing().id());
  }
}
