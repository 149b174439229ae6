package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kg.chizai.model.Event;
import kg.chizai.model.Events;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.model.Status;
import kg.chizai.testing.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The events and statuses of one whole area of the seed, area (1) 司令塔機能の強化 (lines 111–173), checked
 * by hand against the text. Each entry's expected events and statuses are written next to its line.
 */
class SeedEventsTest {

  static Report report;
  static Events events;

  @BeforeAll
  static void convert() {
    report = Seed.report();
    events = Seed.conversion().events().get(0);
  }

  @Test
  void areaOne_everyEventWithTypeDateAndObject() {
    Map<Integer, List<String>> expected = new TreeMap<>();
    // 123 【知財】…協議会を改組し…位置付けた。 改組 is not an event type: none.
    // 125 【文化庁】…議論を行った。 none.   127 【経産省】…議論。 none.
    // 129 【総務省】…令和8年1月末に実写コンテンツ展開力強化官民協議会を開催。
    expected.put(129, List.of("holding 2026-01 END 実写コンテンツ展開力強化官民協議会"));
    // 131, 145, 147, 151, 153: participation, discussion, ongoing work: none.
    // 149 【総務省】…令和7年度は新たに…推計方法について検討した: a dated consideration.
    expected.put(149, List.of("consideration FY2025 - -"));
    // 167 【知財】「クリエイター・コンテンツ関係者支援ポータル」を構築した。
    expected.put(167, List.of("construction - - 「クリエイター・コンテンツ関係者支援ポータル」"));
    // 169, 173: cooperation and coordination: none.
    // 171 【経産省】北米映画産業の市場動向等の調査（2025年11月）等、…レポートをHPに公表。
    expected.put(171, List.of("survey 2025-11 - -", "publication - - -"));
    Map<Integer, List<String>> actual = new TreeMap<>();
    for (Event e : events.events()) {
      if (!e.fromEntry()) {
        continue;
      }
      ProgressEntry entry = entry(e.itemId());
      if (entry.sectionKey().equals(areaOne())) {
        actual
            .computeIfAbsent(entry.span().lineStart(), k -> new java.util.ArrayList<>())
            .add(
                e.type()
                    + " "
                    + e.date()
                        .map(Event.DateValue::lexical)
                        .orElse(e.fiscalYear().map(y -> "FY" + y).orElse("-"))
                    + " "
                    + e.qualifier().map(q -> q.toUpperCase(java.util.Locale.ROOT)).orElse("-")
                    + " "
                    + e.object().map(m -> m.surface()).orElse("-"));
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void areaOne_statusOfEveryEntry() {
    Map<Integer, Set<Status>> expected = new TreeMap<>();
    expected.put(123, Set.of(Status.DONE)); // 位置付けた
    expected.put(125, Set.of(Status.DONE, Status.CONSIDERING)); // 議論を行った
    // …を官民連携で議論。 A bare 議論/検討 ending says the matter is under consideration, not settled.
    expected.put(127, Set.of(Status.CONSIDERING));
    expected.put(129, Set.of(Status.DONE)); // …を開催。
    expected.put(131, Set.of(Status.DONE)); // 参加した
    expected.put(145, Set.of(Status.DONE, Status.CONSIDERING)); // 共有し議論を行った
    expected.put(147, Set.of(Status.ONGOING)); // 取り組んでいる
    expected.put(149, Set.of(Status.DONE, Status.CONSIDERING)); // 推計方法について検討した
    expected.put(151, Set.of(Status.ONGOING)); // 継続中
    expected.put(153, Set.of(Status.ONGOING)); // 取り組んでいる
    expected.put(167, Set.of(Status.DONE)); // 構築した
    expected.put(169, Set.of(Status.DONE)); // 取り組んだ
    expected.put(171, Set.of(Status.DONE)); // …をHPに公表。
    expected.put(173, Set.of(Status.DONE)); // 総合調整を行った
    Map<Integer, Set<Status>> actual = new TreeMap<>();
    for (ProgressEntry e : report.entries()) {
      if (e.sectionKey().equals(areaOne())) {
        actual.put(e.span().lineStart(), events.statusByEntry().get(e.id()));
      }
    }
    assertEquals(expected, actual);
  }

  private static String areaOne() {
    return report.sections().stream()
        .filter(s -> s.title().equals("司令塔機能の強化"))
        .findFirst()
        .orElseThrow()
        .key();
  }

  private static ProgressEntry entry(String id) {
    return report.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
