package kg.chizai.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Terms of the chizai-kg ontology ({@code ontology/chizai.ttl}), one constant per term.
 *
 * <p>Usage: {@code model.add(direction, RDF.type, CKG.Direction)}.
 */
public final class CKG {

  /** Namespace of the ontology's terms. */
  public static final String NS = "https://w3id.org/chizai-kg/def#";

  /** Preferred prefix for {@link #NS}. */
  public static final String PREFIX = "ckg";

  /** IRI of the ontology itself. */
  public static final String ONTOLOGY = "https://w3id.org/chizai-kg/def";

  // Classes

  /** ckg:StrategicProgram 知的財産推進計画. */
  public static final Resource StrategicProgram = resource("StrategicProgram");

  /** ckg:ProgressReport 進捗状況報告. */
  public static final Resource ProgressReport = resource("ProgressReport");

  /** ckg:Section 章・分野. */
  public static final Resource Section = resource("Section");

  /** ckg:Sheet ページ. */
  public static final Resource Sheet = resource("Sheet");

  /** ckg:ContentsSheet 目次ページ. */
  public static final Resource ContentsSheet = resource("ContentsSheet");

  /** ckg:Direction 方向性. */
  public static final Resource Direction = resource("Direction");

  /** ckg:ProgressEntry 主な進捗状況の記載. */
  public static final Resource ProgressEntry = resource("ProgressEntry");

  /** ckg:EntryItem 小項目. */
  public static final Resource EntryItem = resource("EntryItem");

  /** ckg:LeadStatement 分野の冒頭記述. */
  public static final Resource LeadStatement = resource("LeadStatement");

  /** ckg:GovernmentBody 府省庁等. */
  public static final Resource GovernmentBody = resource("GovernmentBody");

  // Object properties

  /** ckg:inReport 所収の報告. */
  public static final Property inReport = property("inReport");

  /** ckg:inSection 所属する章・分野. */
  public static final Property inSection = property("inSection");

  /** ckg:onSheet 掲載ページ. */
  public static final Property onSheet = property("onSheet");

  /** ckg:addresses 対応する方向性. */
  public static final Property addresses = property("addresses");

  /** ckg:relistedFrom 再掲元. */
  public static final Property relistedFrom = property("relistedFrom");

  /** ckg:subSectionOf 上位の章・分野. */
  public static final Property subSectionOf = property("subSectionOf");

  /** ckg:leadStatement 冒頭記述. */
  public static final Property leadStatement = property("leadStatement");

  /** ckg:listsSection 目次に掲げる分野. */
  public static final Property listsSection = property("listsSection");

  /** ckg:highlightsSection 強調表示された分野. */
  public static final Property highlightsSection = property("highlightsSection");

  /** ckg:hasItem 小項目. */
  public static final Property hasItem = property("hasItem");

  /** ckg:reportsOn 対象の推進計画. */
  public static final Property reportsOn = property("reportsOn");

  // Datatype properties

  /** ckg:lineStart 開始行. */
  public static final Property lineStart = property("lineStart");

  /** ckg:lineEnd 終了行. */
  public static final Property lineEnd = property("lineEnd");

  /** ckg:sourceText 原文. */
  public static final Property sourceText = property("sourceText");

  /** ckg:ordinal 順序. */
  public static final Property ordinal = property("ordinal");

  /** ckg:sectionNumber 章・分野番号. */
  public static final Property sectionNumber = property("sectionNumber");

  /** ckg:tagText 【】内の表記. */
  public static final Property tagText = property("tagText");

  /** ckg:relistMarked 再掲表示. */
  public static final Property relistMarked = property("relistMarked");

  /** ckg:programYear 計画年. */
  public static final Property programYear = property("programYear");

  /** ckg:sourceFile 原文ファイル名. */
  public static final Property sourceFile = property("sourceFile");

  /** ckg:sourceSha256 原文ファイルのSHA-256. */
  public static final Property sourceSha256 = property("sourceSha256");

  /** ckg:provisional 暫定. */
  public static final Property provisional = property("provisional");

  private CKG() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS + localName);
  }
}
