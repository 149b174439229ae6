package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kg.chizai.extract.time.DateNormalizer;
import kg.chizai.extract.time.TimeContext;
import kg.chizai.extract.time.TimeExpression;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeRolesTest {

  @Test
  void all_isTheTimeRoleSchemeOfTheOntology() {
    Model ontology = RDFDataMgr.loadModel("ontology/chizai.ttl");
    Set<String> notations = new TreeSet<>();
    ontology
        .listSubjectsWithProperty(
            SKOS.inScheme, ontology.getResource("https://w3id.org/chizai-kg/def/time-role"))
        .forEach(c -> notations.add(c.getRequiredProperty(SKOS.notation).getString()));
    assertEquals(notations, new TreeSet<>(TimeRoles.ALL));
  }

  /** The roles of the first stated time in {@code text} (a report of 2026-04), with no event. */
  private static String roles(String text) {
    List<TimeExpression> times =
        DateNormalizer.find(text, TimeContext.forReport(YearMonth.of(2026, 4)));
    TimeExpression t = times.get(0);
    return String.join(" ", TimeRoles.of(t, text, false, t.partOfName()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "令和6年度補正予算の事業において支援。|budget supplementary-budget",
        "令和8年度予算案に計上。|budget",
        "令和6年度クリエイター・事業者支援事業費補助金を活用。|budget",
        "令和7年犯罪収益移転危険度調査書に掲載。|coverage",
        "2033年までに実現する。|deadline",
        "2033年までに20兆円とする目標を掲げる。|target",
        "2033年までに全国約200か所の選定を目指し、|target",
        "本年秋の結果公表を目指す。|target",
        "2000年までに刊行された図書|period",
        "令和7年度から令和9年度までの間、推進する。|period",
        "令和7年中は、推進した。|period",
        "2026年4月1日より運用する。|start",
        "令和7年度以降、公開した。|start",
        "令和7年12月末現在、提供している。|as-of",
        "（26.9%、令和6年度実績）|as-of",
        "令和6年度の活動内容を発表する。|coverage",
        "令和8年度に実施する。|"
      })
  void of_roleFromTheWordsAroundTheTime(String text, String expected) {
    assertEquals(expected == null ? "" : expected, roles(text));
  }
}
