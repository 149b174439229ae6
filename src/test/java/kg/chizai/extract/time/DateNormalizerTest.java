package kg.chizai.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kg.chizai.extract.text.TextFold;
import kg.chizai.extract.time.TimeValue.CalendarDate;
import kg.chizai.extract.time.TimeValue.CalendarMonth;
import kg.chizai.extract.time.TimeValue.CalendarYear;
import kg.chizai.extract.time.TimeValue.FiscalYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateNormalizerTest {

  /** The seed report is dated 令和8年4月. */
  private static final YearMonth REPORT = YearMonth.of(2026, 4);

  private static List<TimeExpression> find(String text) {
    return DateNormalizer.find(text, TimeContext.forReport(REPORT));
  }

  private static TimeExpression only(String text) {
    List<TimeExpression> found = find(text);
    assertEquals(1, found.size(), () -> "expected one expression in " + text + ": " + found);
    return found.get(0);
  }

  private static void assertDescribed(String text, String... expected) {
    assertEquals(Arrays.asList(expected), Described.all(find(text)), text);
  }

  // ---------------------------------------------------------------- points

  @ParameterizedTest
  @CsvSource({
    "令和7年12月, 2025-12",
    "令和７年１２月, 2025-12",
    "令和七年十二月, 2025-12",
    "令和 7 年 3 月, 2025-03",
    "R7年3月, 2025-03",
    "平成31年4月, 2019-04",
    "昭和64年1月, 1989-01",
    "令和元年5月, 2019-05",
    "2024年4月, 2024-04",
    "２０２６年３月, 2026-03",
    "二〇二五年六月, 2025-06"
  })
  void find_eraOrWesternYearMonth_gYearMonth(String text, String expected) {
    TimeExpression e = only(text);
    assertEquals(Kind.YEAR_MONTH, e.kind());
    assertEquals(Optional.of(new CalendarMonth(YearMonth.parse(expected))), e.value());
    assertEquals(Anchor.ABSOLUTE, e.anchor());
    assertFalse(e.relative());
    assertFalse(e.partOfName());
    assertEquals(List.of(), e.warnings());
    assertEquals(text, e.surface());
  }

  @ParameterizedTest
  @CsvSource({
    "令和7年12月24日, 2025-12-24",
    "令和8年3月25日, 2026-03-25",
    "2026年1月1日, 2026-01-01",
    "令和元年5月1日, 2019-05-01",
    "平成31年4月30日, 2019-04-30",
    "令和八年三月二十五日, 2026-03-25",
    "2024年2月29日, 2024-02-29",
    "令和７年１２月２６日, 2025-12-26"
  })
  void find_fullDate_xsdDate(String text, String expected) {
    TimeExpression e = only(text);
    assertEquals(Kind.DATE, e.kind());
    assertEquals(Optional.of(new CalendarDate(LocalDate.parse(expected))), e.value());
    assertEquals(expected, e.value().get().points().get(0).lexicalForm());
    assertEquals(List.of(), e.warnings());
  }

  @ParameterizedTest
  @CsvSource({
    "令和元年, 2019",
    "令和7年, 2025",
    "令和十二年, 2030",
    "平成元年, 1989",
    "昭和元年, 1926",
    "大正15年, 1926",
    "明治32年, 1899",
    "2023年, 2023",
    "H25年, 2013"
  })
  void find_year_gYear(String text, int expected) {
    TimeExpression e = only(text);
    assertEquals(Kind.YEAR, e.kind());
    assertEquals(Optional.of(new CalendarYear(Year.of(expected))), e.value());
    assertEquals(List.of(), e.warnings());
  }

  @ParameterizedTest
  @CsvSource({
    "令和7年度, 2025",
    "令和７年度, 2025",
    "令和七年度, 2025",
    "2025年度, 2025",
    "R7年度, 2025",
    "令和元年度, 2019",
    "平成31年度, 2019",
    "平成30年度, 2018"
  })
  void find_fiscalYear_aprilToMarch(String text, int expected) {
    TimeExpression e = only(text);
    assertEquals(Kind.FISCAL_YEAR, e.kind());
    assertEquals(Optional.of(new FiscalYear(expected)), e.value());
    assertEquals(
        List.of(), e.warnings(), "an era-named fiscal year is valid when the era overlaps it");
    assertEquals(
        Optional.of(new DayRange(LocalDate.of(expected, 4, 1), LocalDate.of(expected + 1, 3, 31))),
        e.bounds());
  }

  @Test
  void fiscalYear_monthsFallInStartingOrNextYear() {
    FiscalYear fy = new FiscalYear(2025);
    assertEquals(YearMonth.of(2025, 4), fy.month(4));
    assertEquals(YearMonth.of(2025, 12), fy.month(12));
    assertEquals(YearMonth.of(2026, 3), fy.month(3));
    assertEquals(new FiscalYear(2025), FiscalYear.containing(LocalDate.of(2026, 3, 31)));
    assertEquals(new FiscalYear(2026), FiscalYear.containing(LocalDate.of(2026, 4, 1)));
    assertEquals("2025", fy.lexicalForm());
  }

  // ---------------------------------------------------------------- budgets

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "令和6年度補正予算において|令和6年度補正予算 FISCAL_YEAR FY2024 SUPPLEMENTARY",
        "令和7年度補正予算事業でも同様の支援を実施中。|令和7年度補正予算 FISCAL_YEAR FY2025 SUPPLEMENTARY",
        "令和6年度補正の事業|令和6年度補正 FISCAL_YEAR FY2024 SUPPLEMENTARY",
        "令和8年度当初予算に計上|令和8年度当初予算 FISCAL_YEAR FY2026 INITIAL",
        "令和8年度予算において|令和8年度予算 FISCAL_YEAR FY2026 BUDGET",
        "令和8年予算において|令和8年予算 FISCAL_YEAR FY2026 BUDGET !",
        "令和6年度補正クリエイター・事業者支援事業費補助金において" + "|令和6年度補正 FISCAL_YEAR FY2024 name SUPPLEMENTARY"
      })
  void find_budgetYear_fiscalYearWithBudget(String text, String expected) {
    assertDescribed(text, expected);
  }

  // ---------------------------------------------------------------- 同年, 同月, context

  @Test
  void find_sameYear_takesYearLastNamed() {
    List<TimeExpression> found = find("法律を令和7年6月に公布、同年9月に施行するとともに、指針を同年12月に策定した。");
    assertEquals(
        List.of(
            "令和7年6月 YEAR_MONTH 2025-06",
            "同年9月 YEAR_MONTH 2025-09 context",
            "同年12月 YEAR_MONTH 2025-12 context"),
        Described.all(found));
    assertTrue(found.get(1).relative());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025年3月に開催し、同月15日に公表|2025年3月 YEAR_MONTH 2025-03;同月15日 DATE 2025-03-15 context",
        "2025年3月に開催し、同月中に公表|2025年3月 YEAR_MONTH 2025-03;同月中 YEAR_MONTH 2025-03 context DURING",
        "2025年3月3日に開催し、同日公表|2025年3月3日 DATE 2025-03-03;同日 DATE 2025-03-03 context",
        "令和6年に策定し、同年に公表|令和6年 YEAR 2024;同年 YEAR 2024 context",
        "令和7年度に開始し、同年度末までに完了|令和7年度 FISCAL_YEAR FY2025;同年度末までに DEADLINE by FY2025 context END",
        "令和7年度においては、前年に引き続き|令和7年度 FISCAL_YEAR FY2025;前年 FISCAL_YEAR FY2024 context",
        "令和7年度は会合を開催した。次年度は参加国を拡大|令和7年度 FISCAL_YEAR FY2025;次年度 FISCAL_YEAR FY2026 context",
        "2023年に改正し、翌年に施行|2023年 YEAR 2023;翌年 YEAR 2024 context",
        "令和7年度は調査を実施した（3月）。|令和7年度 FISCAL_YEAR FY2025;3月 YEAR_MONTH 2026-03 context",
        "令和7年度は調査を実施した（10月）。|令和7年度 FISCAL_YEAR FY2025;10月 YEAR_MONTH 2025-10 context",
        "2025年に調査を実施した（3月）。|2025年 YEAR 2025;3月 YEAR_MONTH 2025-03 context",
        "令和7年度に開始し、同年12月に公表|令和7年度 FISCAL_YEAR FY2025;同年12月 YEAR_MONTH 2025-12 context",
        "令和7年度に開始し、同年2月に公表|令和7年度 FISCAL_YEAR FY2025;同年2月 YEAR_MONTH 2026-02 context"
      })
  void find_anaphora_resolvedAgainstLastPointInEntry(String text, String expected) {
    assertDescribed(text, expected.split(";"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"同年9月に施行", "同月15日に公表", "同日公表", "同年度末までに"})
  void find_anaphoraWithNothingBefore_rejectedWithWarning(String text) {
    TimeExpression e = only(text);
    assertEquals(Optional.empty(), e.value());
    assertEquals(Anchor.CONTEXT, e.anchor());
    assertEquals(1, e.warnings().size(), e.warnings()::toString);
  }

  @ParameterizedTest
  @CsvSource({"（3月）,2026-03", "（4月）,2026-04", "（6月）,2025-06", "（12月）,2025-12"})
  void find_bareMonthWithNothingBefore_latestSuchMonthUpToTheReport(String text, String month) {
    TimeExpression e = DateNormalizer.find(text, TimeContext.forReport(REPORT)).get(0);
    assertEquals(month, ((TimeValue.Point) e.value().orElseThrow()).lexicalForm());
    assertEquals(Anchor.REPORT, e.anchor());
    assertTrue(e.relative());
  }

  @Test
  void find_bareMonthWithoutReportDate_rejectedWithWarning() {
    TimeExpression e = DateNormalizer.find("（3月）", TimeContext.withoutReport()).get(0);
    assertEquals(Optional.empty(), e.value());
    assertEquals(1, e.warnings().size(), e.warnings()::toString);
  }

  @Test
  void find_context_carriesAcrossCallsAndFreshForgets() {
    TimeContext ctx = TimeContext.forReport(REPORT);
    DateNormalizer.find("令和7年6月に公布した。", ctx);
    assertEquals(
        List.of("同年9月 YEAR_MONTH 2025-09 context"),
        Described.all(DateNormalizer.find("同年9月に施行した。", ctx)));
    assertEquals(Optional.of(new CalendarMonth(YearMonth.of(2025, 9))), ctx.last());
    TimeContext next = ctx.fresh();
    assertEquals(Optional.empty(), next.last());
    assertEquals(Optional.of(REPORT), next.reportDate());
  }

  // ---------------------------------------------------------------- qualifiers

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "令和8年1月末に開催|令和8年1月末|YEAR_MONTH|END|2026-01-21|2026-01-31",
        "2025年4月上旬|2025年4月上旬|YEAR_MONTH|EARLY|2025-04-01|2025-04-10",
        "2025年4月中旬|2025年4月中旬|YEAR_MONTH|MIDDLE|2025-04-11|2025-04-20",
        "2025年2月下旬|2025年2月下旬|YEAR_MONTH|LATE|2025-02-21|2025-02-28",
        "2025年末|2025年末|YEAR|END|2025-12-01|2025-12-31",
        "2026年春|2026年春|YEAR|SPRING|2026-03-01|2026-05-31",
        "2026年夏に|2026年夏|YEAR|SUMMER|2026-06-01|2026-08-31",
        "2026年冬|2026年冬|YEAR|WINTER|2026-12-01|2027-02-28",
        "2026年前半|2026年前半|YEAR|FIRST_HALF|2026-01-01|2026-06-30",
        "令和7年中は、事件を検挙した|令和7年中|YEAR|DURING|2025-01-01|2025-12-31",
        "令和7年度末|令和7年度末|FISCAL_YEAR|END|2026-03-01|2026-03-31",
        "令和8年度内に|令和8年度内|FISCAL_YEAR|DURING|2026-04-01|2027-03-31",
        "令和8年度上半期|令和8年度上半期|FISCAL_YEAR|FIRST_HALF|2026-04-01|2026-09-30",
        "令和8年度当初|令和8年度当初|FISCAL_YEAR|EARLY|2026-04-01|2026-06-30"
      })
  void find_qualifier_valueKeptBoundsNarrowed(
      String text, String surface, Kind kind, Qualifier q, String first, String last) {
    TimeExpression e = only(text);
    assertEquals(surface, e.surface());
    assertEquals(kind, e.kind());
    assertEquals(Optional.of(q), e.qualifier());
    assertEquals(
        Optional.of(new DayRange(LocalDate.parse(first), LocalDate.parse(last))), e.bounds());
  }

  @Test
  void find_monthEnd_isStillTheYearMonth() {
    TimeExpression e = only("令和8年1月末に実写コンテンツ展開力強化官民協議会を開催。");
    assertEquals(Optional.of(new CalendarMonth(YearMonth.of(2026, 1))), e.value());
    assertEquals(Optional.of(Qualifier.END), e.qualifier());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "令和8年春頃|令和8年春頃 YEAR 2026 SPRING ~",
        "令和8年度中を目途に|令和8年度中を目途 FISCAL_YEAR FY2026 DURING ~",
        "2026年3月ごろ|2026年3月ごろ YEAR_MONTH 2026-03 ~",
        "2026年3月目途|2026年3月目途 YEAR_MONTH 2026-03 ~"
      })
  void find_hedge_approximate(String text, String expected) {
    assertDescribed(text, expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025年中国で", "2025年内閣府が", "2026年秋田県で"})
  void find_qualifierLookalike_notAQualifier(String text) {
    assertEquals(Optional.empty(), only(text).qualifier());
  }

  // ---------------------------------------------------------------- relative to the report

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "本年|YEAR|2026",
        "今年|YEAR|2026",
        "昨年|YEAR|2025",
        "去年|YEAR|2025",
        "一昨年|YEAR|2024",
        "来年|YEAR|2027",
        "再来年|YEAR|2028",
        "前年|YEAR|2025",
        "翌年|YEAR|2027",
        "今年度|FISCAL_YEAR|2026",
        "本年度|FISCAL_YEAR|2026",
        "昨年度|FISCAL_YEAR|2025",
        "前年度|FISCAL_YEAR|2025",
        "来年度|FISCAL_YEAR|2027",
        "次年度|FISCAL_YEAR|2027",
        "翌年度|FISCAL_YEAR|2027",
        "再来年度|FISCAL_YEAR|2028",
        "今月|YEAR_MONTH|2026-04",
        "先月|YEAR_MONTH|2026-03",
        "来月|YEAR_MONTH|2026-05"
      })
  void find_relative_resolvedAgainstReportDateStrictly(String text, Kind kind, String lexical) {
    TimeExpression e = only(text + "は");
    assertEquals(kind, e.kind());
    assertEquals(lexical, e.value().orElseThrow().points().get(0).lexicalForm());
    assertEquals(Anchor.REPORT, e.anchor());
    assertTrue(e.relative());
  }

  @Test
  void find_relativeFiscalInApril_warnsTheReportMayMeanTheYearBefore() {
    TimeExpression e = only("来年度も同規模の研修を実施する。");
    assertEquals(Optional.of(new FiscalYear(2027)), e.value());
    assertEquals(1, e.warnings().size());
    assertTrue(e.warnings().get(0).contains("FY2026"), e.warnings()::toString);
    TimeExpression calendar = only("本年秋の結果公表を目指す。");
    assertEquals(List.of(), calendar.warnings(), "calendar years need no such warning");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2026-01|今年度|FY2025", "2026-01|来年度|FY2026", "2026-03|昨年度|FY2024", "2025-10|本年|2025"})
  void find_relative_otherReportMonths(String report, String word, String expected) {
    List<TimeExpression> found =
        DateNormalizer.find(word + "は", TimeContext.forReport(YearMonth.parse(report)));
    assertEquals(1, found.size());
    String value = Described.of(found.get(0)).split(" ")[2];
    assertEquals(expected, value);
    assertEquals(List.of(), found.get(0).warnings());
  }

  @Test
  void find_future_noValueButRelative() {
    TimeExpression e = only("今後も専門人材の配置地域を拡大予定。");
    assertEquals(Kind.FUTURE, e.kind());
    assertEquals(Optional.empty(), e.value());
    assertEquals(Anchor.REPORT, e.anchor());
    assertTrue(e.relative());
    assertEquals(List.of(), e.warnings());
    assertFalse(e.isEventDate());
  }

  @Test
  void find_relativeWithoutReportDate_rejectedWithWarning() {
    List<TimeExpression> found = DateNormalizer.find("本年秋に公表し、来年度に改訂する。");
    assertEquals(
        List.of("本年秋 YEAR - report AUTUMN !", "来年度 FISCAL_YEAR - report !"), Described.all(found));
  }

  @Test
  void find_neighbourYearWithNoContextButNoReport_rejected() {
    assertEquals(List.of("前年 YEAR - context !"), Described.all(DateNormalizer.find("前年に引き続き")));
  }

  // ---------------------------------------------------------------- lists, ranges, roles

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025年3月、6月及び10月に開催された|2025年3月、6月及び10月 LIST [2025-03, 2025-06, 2025-10]",
        "令和7年4月と7月に|令和7年4月と7月 LIST [2025-04, 2025-07]",
        "令和6年度及び令和7年度に|令和6年度及び令和7年度 LIST [FY2024, FY2025]",
        "2025年3月1日、3日及び5日|2025年3月1日、3日及び5日 LIST [2025-03-01, 2025-03-03, 2025-03-05]",
        "2025年3月、13月|2025年3月、13月 LIST [2025-03] !"
      })
  void find_list_severalPoints(String text, String expected) {
    assertDescribed(text, expected);
  }

  @Test
  void find_separateYearsWithPlacesBetween_notAList() {
    assertDescribed(
        "令和6年度にロサンゼルス・バンコク・ニューデリー、令和7年度にサンパウロ・ソウル・上海・パリに、専門人材を配置。",
        "令和6年度 FISCAL_YEAR FY2024",
        "令和7年度 FISCAL_YEAR FY2025");
  }

  @Test
  void find_yearThenBareMonthAfterComma_notAList() {
    assertDescribed("令和7年度、12月に開催", "令和7年度 FISCAL_YEAR FY2025", "12月 YEAR_MONTH 2025-12 context");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "（2026-2030）|2026-2030 RANGE 2026..2030",
        "2026～2030年|2026～2030年 RANGE 2026..2030",
        "2026〜2030年度|2026〜2030年度 RANGE FY2026..FY2030",
        "令和7年度から令和9年度までの計画|令和7年度から令和9年度まで RANGE FY2025..FY2027",
        "令和7年度から9年度まで|令和7年度から9年度まで RANGE FY2025..FY2027",
        "令和7～9年度|令和7～9年度 RANGE FY2025..FY2027",
        "2025年4月～6月|2025年4月～6月 RANGE 2025-04..2025-06",
        "令和7年12月～1月|令和7年12月～1月 RANGE 2025-12..2026-01",
        "2024年4月から2025年3月にかけて|2024年4月から2025年3月にかけて RANGE 2024-04..2025-03",
        "2025年4月1日～30日|2025年4月1日～30日 RANGE 2025-04-01..2025-04-30",
        "2030年から2026年まで|2030年から2026年まで RANGE - !"
      })
  void find_range_startAndEnd(String text, String expected) {
    assertDescribed(text, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2033年までに20兆円|2033年までに DEADLINE by 2033",
        "令和8年度末までに|令和8年度末までに DEADLINE by FY2026 END",
        "2026年4月1日より現地の法律事務所に|2026年4月1日より FROM from 2026-04-01",
        "令和8年1月より、改定した|令和8年1月より FROM from 2026-01",
        "2026年4月から施行となる|2026年4月から FROM from 2026-04",
        "令和7年度以降、日英両言語の|令和7年度以降 FROM from FY2025",
        "2026年以降の政策立案|2026年以降 FROM from 2026",
        "2030年まで継続|2030年まで UNTIL until 2030",
        "令和7年12月末現在、約233万点|令和7年12月末現在 AS_OF at 2025-12 END",
        "令和7年12月末時点で60連携|令和7年12月末時点 AS_OF at 2025-12 END"
      })
  void find_role_deadlineFromUntilAsOf(String text, String expected) {
    assertDescribed(text, expected);
  }

  // ---------------------------------------------------------------- names

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "デジタルアーカイブ戦略2026-2030の積極的な推進|2026-2030 RANGE 2026..2030 name",
        "「デジタルアーカイブ戦略2026-2030」に基づき|2026-2030 RANGE 2026..2030 name",
        "「デジタルアーカイブフェス2025—デジタルアーカイブの新展開—」|2025 YEAR 2025 name",
        "デジタルアーカイブフェス 2025 を開催|2025 YEAR 2025 name",
        "知的財産推進計画2025の方向性|2025 YEAR 2025 name",
        "「昭和100年」を契機として|昭和100年 YEAR 2025 name !",
        "事例を令和7年犯罪収益移転危険度調査書に掲載し|令和7年 YEAR 2025 name",
        "令和6年度クリエイター・事業者支援事業費補助金において|令和6年度 FISCAL_YEAR FY2024 name",
        "令和7年度コンテンツ海外展開促進事業において|令和7年度 FISCAL_YEAR FY2025 name",
        "昭和45年法律第48号|昭和45年 YEAR 1970 name",
        "「令和7年度価格転嫁円滑化の取組に関する特別調査」の調査結果|令和7年度 FISCAL_YEAR FY2025 name",
        "Expo2025に出展|2025 YEAR 2025 name"
      })
  void find_partOfName_flaggedValueKept(String text, String expected) {
    TimeExpression e = only(text);
    assertEquals(expected, Described.of(e));
    assertTrue(e.partOfName());
    assertFalse(e.isEventDate());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "令和7年度調査にて推計|令和7年度 FISCAL_YEAR FY2025",
        "（令和6年度実績）|令和6年度 FISCAL_YEAR FY2024",
        "令和8年度開始予定|令和8年度 FISCAL_YEAR FY2026",
        "（令和7年12月26日公表）|令和7年12月26日 DATE 2025-12-26",
        "令和7年3月に改訂した営業秘密管理指針|令和7年3月 YEAR_MONTH 2025-03"
      })
  void find_shortNounAfterYear_notAName(String text, String expected) {
    assertDescribed(text, expected);
  }

  @Test
  void find_name_doesNotSetTheYearForSameYear() {
    assertDescribed("知的財産推進計画2025について、同年に公表", "2025 YEAR 2025 name", "同年 YEAR - context !");
  }

  @Test
  void find_unclosedQuote_marksNothing() {
    assertDescribed("「AI時代の知的財産権検討会を開催し、令和7年5月に公表した。", "令和7年5月 YEAR_MONTH 2025-05");
    assertDescribed("「知的財産推進計画2025\n令和7年6月に決定", "2025 YEAR 2025 name", "令和7年6月 YEAR_MONTH 2025-06");
  }

  @ParameterizedTest
  @ValueSource(strings = {"約1350万件のメタデータ", "約3,200万件", "ISO 9001", "電話03-2026-2030", "1.2版として更新"})
  void find_bareNumber_notAYear(String text) {
    assertEquals(List.of(), find(text));
  }

  // ---------------------------------------------------------------- nonsense

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "令和0年|YEAR",
        "令和0年度|FISCAL_YEAR",
        "2025年13月|YEAR_MONTH",
        "2025年0月|YEAR_MONTH",
        "2025年2月30日|DATE",
        "令和7年2月29日|DATE",
        "2025年4月31日|DATE",
        "令和99年|YEAR",
        "2101年|YEAR",
        "1500年|YEAR",
        "令和元年4月|YEAR_MONTH",
        "令和元年4月30日|DATE",
        "昭和元年1月|YEAR_MONTH",
        "同年9月|YEAR_MONTH",
        "2030～2026年|RANGE"
      })
  void find_nonsense_rejectedWithWarning(String text, Kind kind) {
    TimeExpression e = only(text);
    assertEquals(kind, e.kind());
    assertEquals(Optional.empty(), e.value());
    assertFalse(e.warnings().isEmpty());
    assertFalse(e.isEventDate());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "平成32年|YEAR|2020",
        "平成32年度|FISCAL_YEAR|2020",
        "平成31年5月|YEAR_MONTH|2019-05",
        "昭和65年|YEAR|1990"
      })
  void find_afterEraEnded_mappedWithWarning(String text, Kind kind, String lexical) {
    TimeExpression e = only(text);
    assertEquals(kind, e.kind());
    assertEquals(lexical, e.value().orElseThrow().points().get(0).lexicalForm());
    assertEquals(1, e.warnings().size());
    assertTrue(e.warnings().get(0).contains("ended"), e.warnings()::toString);
  }

  @Test
  void find_warning_namesTheSurface() {
    assertTrue(only("令和0年").warnings().get(0).startsWith("令和0年: "));
    assertTrue(only("2025年2月30日").warnings().get(0).contains("2025-02"));
  }

  // ---------------------------------------------------------------- not dates

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3か月",
        "3ヶ月",
        "5年間",
        "10年目",
        "2020年代",
        "20兆円",
        "約200か所",
        "第12回",
        "第28回産業構造審議会",
        "満100年を迎える",
        "20歳",
        "年度ごとに更新",
        "毎年度計画的に",
        "毎年3月に",
        "前年比10%増",
        "日本年金機構",
        "26.9%",
        "7か国",
        "1000年前の資料"
      })
  void find_notADate_nothingFound(String text) {
    assertEquals(List.of(), find(text), text);
  }

  // ---------------------------------------------------------------- bounds of composite values

  @Test
  void bounds_rangeListAndRole_spanTheirPoints() {
    assertEquals(
        Optional.of(new DayRange(LocalDate.of(2025, 4, 1), LocalDate.of(2028, 3, 31))),
        only("令和7年度から令和9年度まで").bounds());
    assertEquals(
        Optional.of(new DayRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 10, 31))),
        only("2025年3月、6月及び10月").bounds());
    assertEquals(
        Optional.of(new DayRange(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31))),
        only("2033年までに").bounds());
    assertEquals(Optional.empty(), only("今後").bounds());
  }

  // ---------------------------------------------------------------- robustness

  @Test
  void find_randomText_neverThrowsAndSpansAreConsistent() {
    String alphabet = "令和平成昭和元年度月日同本来今後前翌次末上旬秋補正予算までにからより以降現在～-、及び「」0123456789１２七十百第約か間";
    java.util.Random random = new java.util.Random(20260401L);
    int found = 0;
    for (int n = 0; n < 5000; n++) {
      StringBuilder b = new StringBuilder();
      int length = 1 + random.nextInt(30);
      for (int k = 0; k < length; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      TimeContext ctx = TimeContext.forReport(REPORT);
      int previousEnd = 0;
      for (TimeExpression e : DateNormalizer.find(text, ctx)) {
        assertEquals(text.substring(e.start(), e.end()), e.surface(), text);
        assertTrue(e.start() >= previousEnd, () -> "overlapping expressions in " + text);
        assertTrue(
            e.value().isPresent() || !e.warnings().isEmpty() || e.kind() == Kind.FUTURE,
            () -> "no value and no warning for " + e + " in " + text);
        previousEnd = e.end();
        found++;
      }
    }
    // The checks above ran on many expressions, not on none.
    assertTrue(found > 50, "expressions found in 5000 random texts: " + found);
  }

  // ---------------------------------------------------------------- offsets

  @Test
  void find_offsets_pointIntoOriginalText() {
    String text = "本ガイドラインは２０２６年３月に１．２版として更新";
    TimeExpression e = only(text);
    assertEquals("２０２６年３月", e.surface());
    assertEquals(text.indexOf("２０２６"), e.start());
    assertEquals(text.substring(e.start(), e.end()), e.surface());
  }

  @Test
  void textFold_keepsLength() {
    String s = "令和７年１２月　（ＡＩ）";
    assertEquals("令和7年12月 (AI)", TextFold.fold(s));
    assertEquals(s.length(), TextFold.fold(s).length());
  }

  // ---------------------------------------------------------------- the seed's sentences

  static Stream<Arguments> seedSentences() {
    return Stream.of(
        Arguments.of(
            "【文化庁】 AIと著作権の関係については、令和6年3月に「AIと著作権に関する考え方について」をとりまとめた後、本文書の内容を踏まえて、"
                + "関係当事者の立場ごとに分かりやすくまとめた「AIと著作権に関するチェックリスト&ガイダンス」を作成し、同年7月に公表するなど周知・啓発に取り組んでいる。",
            List.of("令和6年3月 YEAR_MONTH 2024-03", "同年7月 YEAR_MONTH 2024-07 context")),
        Arguments.of(
            "【総務省・経産省】 2024年4月に策定・公表した「AI事業者ガイドライン」について、講演等を通じて事業者への周知を行った。"
                + "本ガイドラインは2026年3月に1.2版として更新しており、引き続きAIの動向を踏まえ更新を行っていく。",
            List.of("2024年4月 YEAR_MONTH 2024-04", "2026年3月 YEAR_MONTH 2026-03")),
        Arguments.of(
            "【内閣府（科技）】人工知能関連技術の研究開発及び活用の推進に関する法律を令和7年6月に公布、同年9月に施行するとともに、"
                + "同法第13条に基づく人工知能関連技術の研究開発及び活用の適正性確保に関する指針を同年12月に策定した。",
            List.of(
                "令和7年6月 YEAR_MONTH 2025-06",
                "同年9月 YEAR_MONTH 2025-09 context",
                "同年12月 YEAR_MONTH 2025-12 context")),
        Arguments.of(
            "【経産省】関係省庁オブザーバ参加の下で、エンタメ・クリエイティブ産業政策研究会において、20兆円目標達成に向けて、"
                + "2026年以降の政策立案・実施のための目標・戦略・施策の具体化を官民連携で議論。",
            List.of("2026年以降 FROM from 2026")),
        Arguments.of(
            "【経産省】JETRO海外事務所において、令和6年度にロサンゼルス・バンコク・ニューデリー、令和7年度にサンパウロ・ソウル・上海・パリに、"
                + "コンテンツ専門人材を配置。また、コンテンツ海外展開支援拠点のHPも作成。今後も専門人材の配置地域を拡大予定。",
            List.of("令和6年度 FISCAL_YEAR FY2024", "令和7年度 FISCAL_YEAR FY2025", "今後 FUTURE - report")),
        Arguments.of(
            "【文化庁】 2026年4月から施行となる未管理著作物裁定制度の円滑な運用のため、2025年度において、"
                + "各分野のデータベース等を保有する団体等との連携により、分野を横断した権利情報の集約化をはかる「分野横断権利情報検索システム」を構築したところ。",
            List.of("2026年4月から FROM from 2026-04", "2025年度 FISCAL_YEAR FY2025")),
        Arguments.of(
            "【経産省】 令和6年度補正クリエイター・事業者支援事業費補助金（クリエイター・事業者海外展開促進）において、"
                + "「デジタル技術を用いた先進ビジネスモデル構築支援」にて、電子コミック等の配信プラットフォームに対して支援を実施。",
            List.of("令和6年度補正 FISCAL_YEAR FY2024 name SUPPLEMENTARY")),
        Arguments.of(
            "【内閣官房】 労務費転嫁指針について、指針策定後に公正取引委員会で実施した調査結果等を踏まえて「労務費の適切な転嫁に向けた取組事例」等を追加するとともに、"
                + "令和8年1月1日に施行された取適法を踏まえて記載内容の見直しを行った（令和7年12月26日公表）。",
            List.of("令和8年1月1日 DATE 2026-01-01", "令和7年12月26日 DATE 2025-12-26")),
        Arguments.of(
            "【公取委】 「令和7年度価格転嫁円滑化の取組に関する特別調査」の調査結果を令和7年12月に公表。同調査においては、労務費転嫁指針の認知度等を確認。",
            List.of("令和7年度 FISCAL_YEAR FY2025 name", "令和7年12月 YEAR_MONTH 2025-12")),
        Arguments.of(
            "【公取委】下請法を改正し、協議に応じない一方的な代金決定等の新たな禁止事項を設けた。また、労務費転嫁指針について、下請法改正等を踏まえて令和8年1月に改正し、"
                + "その内容周知を進めている。さらに、令和8年予算において、優越Gメン等の大幅な増員を盛り込んだ。",
            List.of("令和8年1月 YEAR_MONTH 2026-01", "令和8年予算 FISCAL_YEAR FY2026 BUDGET !")),
        Arguments.of(
            "【警察庁】権利者団体や関係府省と連携しつつ、国際捜査共助等の枠組みを活用して、海賊版サイトの運営者摘発に向けた捜査を推進している。"
                + "令和7年中は、映画や漫画に係る著作権法違反事件を検挙した。",
            List.of("令和7年中 YEAR 2025 DURING")),
        Arguments.of(
            "【財務省】令和7年度においては、前年に引き続き、一般消費者向けの啓発動画及び特設ページを一般ウェブサイトやSNS等の広告枠等へ掲載することで注意喚起を行った。",
            List.of("令和7年度 FISCAL_YEAR FY2025", "前年 FISCAL_YEAR FY2024 context")),
        Arguments.of(
            "・海賊版サイトのドメイン名に関し、ドメイン名の管理・登録を行う事業者による事後的対応の強化についてICANNでの議論を推進すべく"
                + "2025年3月、6月及び10月に開催されたICANNの会合に出席。",
            List.of("2025年3月、6月及び10月 LIST [2025-03, 2025-06, 2025-10]")),
        Arguments.of(
            "【文化庁】令和7年度は、7か国（韓国、中国、インドネシア、タイ、フィリピン、ベトナム、マレーシア）の著作権部局等を招聘し、"
                + "国際著作権会合を開催した。同会合には国内権利者等も参加し、外国当局とのネットワーキングの機会を提供した。次年度は参加国を拡大して開催予定。",
            List.of("令和7年度 FISCAL_YEAR FY2025", "次年度 FISCAL_YEAR FY2026 context")),
        Arguments.of(
            "【警察庁】海賊版によって生じた犯罪収益の隠匿に預貯金口座が悪用された事例を令和7年犯罪収益移転危険度調査書に掲載し、"
                + "金融機関をはじめとする特定事業者によるマネー・ローンダリング等のリスクの適切な理解を促進した。",
            List.of("令和7年 YEAR 2025 name")),
        Arguments.of(
            "・原資料の保存及び電子図書館サービスの向上の観点から、所蔵資料のデジタル化を継続して実施している。"
                + "令和7年度は、2000年までに国内で刊行された図書を中心にデジタル化を進めた。",
            List.of("令和7年度 FISCAL_YEAR FY2025", "2000年までに DEADLINE by 2000")),
        Arguments.of(
            "・令和7年度に、新たに5の連携機関（つなぎ役）、15のデータベースと連携した。令和7年12月末時点で60連携（つなぎ役）機関、"
                + "284データベース、約3,200万件のメタデータが検索可能であり、令和8年度も引き続き連携拡充に取り組む。",
            List.of(
                "令和7年度 FISCAL_YEAR FY2025",
                "令和7年12月末時点 AS_OF at 2025-12 END",
                "令和8年度 FISCAL_YEAR FY2026")),
        Arguments.of(
            "【内閣官房】 昭和期の歴史的な文書、写真等の資料のデジタルアーカイブ化に取り組む関係府省と連携し、インターネットで公開・展示する等の取組を検討、"
                + "昭和元年から起算して満100年を迎える令和8年において推進する。",
            List.of("昭和元年から FROM from 1926", "令和8年 YEAR 2026")),
        Arguments.of(
            "- 国際共同製作映画等を通じた魅力ある日本文化・芸術の発信事業において、タイ（バンコク）での上映会・ロケ地紹介等のインバウンド誘致に関する取組を実施した（3月）。"
                + "令和8年度も引き続き実施予定。",
            List.of("3月 YEAR_MONTH 2026-03 report", "令和8年度 FISCAL_YEAR FY2026")),
        Arguments.of(
            "- ・海外展開を前提とした放送コンテンツの制作に携わる人材の育成を図るため、国内の放送事業者や番組製作会社等に所属するプロデューサー、"
                + "放送技術担当者等に国内、米国及び韓国研修を実施しており、来年度も同規模の研修を実施する。",
            List.of("来年度 FISCAL_YEAR FY2027 report !")),
        Arguments.of(
            "□ 映画・アニメの制作現場におけるクリエイターの取引環境に係る実態調査について本年秋の結果公表を目指す。",
            List.of("本年秋 YEAR 2026 report AUTUMN")));
  }

  @ParameterizedTest
  @MethodSource("seedSentences")
  void find_seedSentence_everyDateFound(String sentence, List<String> expected) {
    assertEquals(expected, Described.all(find(sentence)));
  }
}
