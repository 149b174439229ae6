package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kg.chizai.model.Report;
import kg.chizai.testing.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionVerbsTest {

  /** The verbs of a text as "lemma:type", modifiers marked with a trailing *. */
  private static String verbs(String text) {
    List<String> out =
        ActionVerbs.find(text).stream()
            .map(v -> v.lemma() + ":" + v.type() + (v.modifier() ? "*" : ""))
            .toList();
    return String.join(" ", out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "令和6年度に専門人材を配置し、|配置:deployment",
        "令和8年度予算案に関連経費を計上。|計上:appropriation",
        "覚書を締結した。|締結:conclusion",
        "成果を発表する。|発表:announcement",
        "研修を実施予定。|実施:implementation",
        "支援を実施中。|実施:implementation",
        "2026年4月1日より運用を開始した。|開始:start",
        "システムの運用開始に向けて準備する。|",
        "システムを運用開始した。|運用開始:operation-start",
        "指針を策定・公表した。|策定:formulation 公表:publication",
        "（令和7年12月26日公表）|公表:publication",
        "窓口を設け、|設ける:establishment",
        "見直しを行った。|行う:implementation"
      })
  void find_verbsOfAction_withTheirType(String text, String expected) {
    assertEquals(expected == null ? "" : expected, verbs(text));
  }

  @Test
  void find_nounsAndOtherVerbs_notVerbsOfAction() {
    // A verbal noun inside a noun phrase is not a verb: 契約書, 実施状況, 公表資料.
    assertEquals("", verbs("契約書のひな形と実施状況の公表資料"));
    // Verbs of ongoing effort or relation have no event type.
    assertEquals("", verbs("取組を推進する。基金を活用し、関係者と調整している。"));
    // A list of nouns with no object is not a telegraphic verb.
    assertEquals("", verbs("研修、セミナー、支援。"));
  }

  @Test
  void find_modifier_whenTheVerbQualifiesTheNounAfterIt() {
    assertEquals("公表:publication*", verbs("2022年7月に公表した契約書"));
    assertEquals("支援:support", verbs("アーティストの育成を支援。"));
    assertEquals("公表:publication", verbs("報告書を公表した。"));
  }

  @Test
  void findInSentences_everySentence_sameVerbsAsTheWholeText() {
    // Tokenizing a sentence on its own must give the verbs the whole text has there: checked on
    // every text of the seed report, each sentence asked for once, and sentences chosen one by one.
    Report report = Seed.report();
    List<String> texts = new java.util.ArrayList<>();
    report.entries().forEach(e -> texts.add(e.text()));
    report.directions().forEach(d -> texts.add(d.text()));
    int checked = 0;
    for (String text : texts) {
      List<ActionVerbs.Verb> whole = ActionVerbs.find(text);
      int[] everyPosition = java.util.stream.IntStream.range(0, text.length()).toArray();
      assertEquals(whole, ActionVerbs.findInSentences(text, everyPosition), text);
      for (ActionVerbs.Verb v : whole) {
        List<ActionVerbs.Verb> one = ActionVerbs.findInSentences(text, new int[] {v.start()});
        assertTrue(one.contains(v), () -> v + " not found in its sentence alone: " + text);
        checked++;
      }
    }
    assertTrue(checked > 100, "too few verbs in the seed to prove anything: " + checked);
  }
}
