package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.model.Body;
import org.junit.jupiter.api.Test;

class BodyTableTest {

  static final BodyTable TABLE = BodyTable.load(Optional.empty());

  @Test
  void lookup_officialNamesAndShortForms() {
    assertEquals("agency-for-cultural-affairs", TABLE.lookup("文化庁").orElseThrow().id());
    assertEquals(TABLE.lookup("経済産業省").orElseThrow(), TABLE.lookup("経産省").orElseThrow());
    assertEquals(TABLE.lookup("公正取引委員会").orElseThrow(), TABLE.lookup("公取委").orElseThrow());
    // Width-insensitive: full-width and ASCII parentheses match.
    assertEquals(TABLE.lookup("内閣府（科技）").orElseThrow(), TABLE.lookup("内閣府(科技)").orElseThrow());
  }

  @Test
  void table_parentsFormAHierarchy() {
    Body culture = TABLE.lookup("文化庁").orElseThrow();
    assertEquals(TABLE.lookup("文部科学省").orElseThrow().id(), culture.parentId().orElseThrow());
    Body jpo = TABLE.lookup("特許庁").orElseThrow();
    assertEquals(TABLE.lookup("経済産業省").orElseThrow().id(), jpo.parentId().orElseThrow());
  }

  @Test
  void table_coversEveryMinistry() {
    for (String ministry :
        List.of(
            "内閣府", "デジタル庁", "復興庁", "総務省", "法務省", "外務省", "財務省", "文部科学省", "厚生労働省", "農林水産省", "経済産業省",
            "国土交通省", "環境省", "防衛省", "こども家庭庁", "金融庁", "消費者庁", "国家公安委員会")) {
      assertTrue(TABLE.lookup(ministry).isPresent(), ministry);
    }
  }

  @Test
  void resolveTag_rejoinsNamesThatContainTheSeparator() {
    List<Body> bodies = TABLE.resolveTag(BodyTags.split("科学技術・イノベーション推進事務局・経産省"));
    assertEquals(2, bodies.size());
    assertFalse(bodies.get(0).provisional());
    assertEquals("科学技術・イノベーション推進事務局", bodies.get(0).nameJa());
  }

  @Test
  void resolveTag_unknownPartBecomesProvisionalBody() {
    List<Body> bodies = TABLE.resolveTag(List.of("文化庁", "架空推進室"));
    assertFalse(bodies.get(0).provisional());
    Body minted = bodies.get(1);
    assertTrue(minted.provisional());
    assertEquals("架空推進室", minted.nameJa());
    assertTrue(minted.id().matches("tag-[0-9a-f]{12}"), minted.id());
    assertEquals(minted.id(), TABLE.resolveTag(List.of("架空推進室")).get(0).id(), "deterministic");
  }

  @Test
  void parse_duplicateLabel_exit5NamingBothBodies() {
    String json =
        """
        {"bodies": [
          {"id": "a", "ja": "甲庁", "altLabels": ["甲"], "parent": null, "source": "https://example.org/a"},
          {"id": "b", "ja": "乙庁", "altLabels": ["甲"], "parent": null, "source": "https://example.org/b"}
        ]}
        """;
    ChizaiException e = assertThrows(ChizaiException.class, () -> parse(json));
    assertEquals(ExitCode.CONFIG, e.kind());
    assertTrue(e.getMessage().contains("label 甲 is also a label of a"), e.getMessage());
  }

  @Test
  void parse_unknownParentAndMissingSource_allReported() {
    String json =
        """
        {"bodies": [
          {"id": "a", "ja": "甲庁", "altLabels": [], "parent": "nowhere"}
        ]}
        """;
    ChizaiException e = assertThrows(ChizaiException.class, () -> parse(json));
    assertTrue(e.getMessage().contains("body a: no source"), e.getMessage());
    assertTrue(e.getMessage().contains("body a: unknown parent nowhere"), e.getMessage());
  }

  @Test
  void parse_malformedJson_exit5() {
    ChizaiException e = assertThrows(ChizaiException.class, () -> parse("{\"bodies\": [ {"));
    assertEquals(ExitCode.CONFIG, e.kind());
    assertTrue(e.getMessage().startsWith("test.json:1: malformed reference table"), e.getMessage());
  }

  private static BodyTable parse(String json) throws Exception {
    return BodyTable.parse(
        "test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
