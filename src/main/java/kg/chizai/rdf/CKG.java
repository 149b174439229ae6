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

  // What the text names

  /** ckg:Statute 法令. */
  public static final Resource Statute = resource("Statute");

  /** ckg:AmendingAct 改正法. */
  public static final Resource AmendingAct = resource("AmendingAct");

  /** ckg:StatuteArticle 条. */
  public static final Resource StatuteArticle = resource("StatuteArticle");

  /** ckg:PolicyDocument 政策文書. */
  public static final Resource PolicyDocument = resource("PolicyDocument");

  /** ckg:Guideline ガイドライン・指針. */
  public static final Resource Guideline = resource("Guideline");

  /** ckg:Strategy 戦略・計画. */
  public static final Resource Strategy = resource("Strategy");

  /** ckg:Roadmap 工程表. */
  public static final Resource Roadmap = resource("Roadmap");

  /** ckg:ReportDocument 報告書・とりまとめ. */
  public static final Resource ReportDocument = resource("ReportDocument");

  /** ckg:Handbook ハンドブック・手引. */
  public static final Resource Handbook = resource("Handbook");

  /** ckg:Checklist チェックリスト. */
  public static final Resource Checklist = resource("Checklist");

  /** ckg:Council 会議体. */
  public static final Resource Council = resource("Council");

  /** ckg:Program 事業・施策. */
  public static final Resource Program = resource("Program");

  /** ckg:Fund 基金. */
  public static final Resource Fund = resource("Fund");

  /** ckg:Subsidy 補助金. */
  public static final Resource Subsidy = resource("Subsidy");

  /** ckg:InformationSystem 情報システム. */
  public static final Resource InformationSystem = resource("InformationSystem");

  /** ckg:Portal ポータルサイト. */
  public static final Resource Portal = resource("Portal");

  /** ckg:Database データベース. */
  public static final Resource Database = resource("Database");

  /** ckg:EventSeries イベント. */
  public static final Resource EventSeries = resource("EventSeries");

  /** ckg:Award 表彰. */
  public static final Resource Award = resource("Award");

  /** ckg:Campaign キャンペーン. */
  public static final Resource Campaign = resource("Campaign");

  /** ckg:Place 地域・場所. */
  public static final Resource Place = resource("Place");

  /** ckg:Quantity 数量・目標. */
  public static final Resource Quantity = resource("Quantity");

  /** ckg:mentions 言及. */
  public static final Property mentions = property("mentions");

  /** ckg:inverseLabel 逆方向の名称: a property's name read from its object. */
  public static final Property inverseLabel = property("inverseLabel");

  /** ckg:eGovLawPage e-Gov法令ページ. */
  public static final Property eGovLawPage = property("eGovLawPage");

  /** ckg:eGovApiResource e-Gov法令API. */
  public static final Property eGovApiResource = property("eGovApiResource");

  /** ckg:translationPage 英訳ページ. */
  public static final Property translationPage = property("translationPage");

  /** ckg:responsibleBody 担当組織. */
  public static final Property responsibleBody = property("responsibleBody");

  /** ckg:statesQuantity 数量. */
  public static final Property statesQuantity = property("statesQuantity");

  /** ckg:formerTitle 旧題名. */
  public static final Property formerTitle = property("formerTitle");

  /** ckg:renamedOn 改題日. */
  public static final Property renamedOn = property("renamedOn");

  /** ckg:idConfidence ID確度. */
  public static final Property idConfidence = property("idConfidence");

  /** ckg:versionLabel 版. */
  public static final Property versionLabel = property("versionLabel");

  /** ckg:foreignLawMention 外国法への言及. */
  public static final Property foreignLawMention = property("foreignLawMention");

  /** ckg:approximate 概数. */
  public static final Property approximate = property("approximate");

  /** ckg:counts 計数対象. */
  public static final Property counts = property("counts");

  /** ckg:targetYear 目標年. */
  public static final Property targetYear = property("targetYear");

  /** ckg:iso3166Code ISO 3166コード. */
  public static final Property iso3166Code = property("iso3166Code");

  /** ckg:surfaceText 表記. */
  public static final Property surfaceText = property("surfaceText");

  // Time: events, fiscal years, status

  /** ckg:Event 出来事. */
  public static final Resource Event = resource("Event");

  /** ckg:FiscalYear 年度. */
  public static final Resource FiscalYear = resource("FiscalYear");

  /** ckg:eventType 出来事の種類. */
  public static final Property eventType = property("eventType");

  /** ckg:eventObject 出来事の対象. */
  public static final Property eventObject = property("eventObject");

  /** ckg:fiscalYear 年度. */
  public static final Property fiscalYear = property("fiscalYear");

  /** ckg:sourceEntry 出典記載. */
  public static final Property sourceEntry = property("sourceEntry");

  /** ckg:status 進捗区分. */
  public static final Property status = property("status");

  /** ckg:date 日付. */
  public static final Property date = property("date");

  /** ckg:dateRelative 相対日付. */
  public static final Property dateRelative = property("dateRelative");

  /** ckg:dateQualifier 日付の限定. */
  public static final Property dateQualifier = property("dateQualifier");

  /** ckg:verb 動詞. */
  public static final Property verb = property("verb");

  /** ckg:statedIn 記載箇所. */
  public static final Property statedIn = property("statedIn");

  /** ckg:StatedTime 時の記載. */
  public static final Resource StatedTime = resource("StatedTime");

  /** ckg:statesTime 時の記載. */
  public static final Property statesTime = property("statesTime");

  /** ckg:timeRole 時の役割. */
  public static final Property timeRole = property("timeRole");

  /** ckg:earliestDay 最も早い日. */
  public static final Property earliestDay = property("earliestDay");

  /** ckg:latestDay 最も遅い日. */
  public static final Property latestDay = property("latestDay");

  /** ckg:startOffset 開始位置. */
  public static final Property startOffset = property("startOffset");

  /** ckg:endOffset 終了位置. */
  public static final Property endOffset = property("endOffset");

  /** A concept of the event-type scheme ({@code …/def/event-type#publication}). */
  public static Resource eventType(String code) {
    return ResourceFactory.createResource(ONTOLOGY + "/event-type#" + code);
  }

  /** A concept of the time-role scheme ({@code …/def/time-role#budget}). */
  public static Resource timeRole(String code) {
    return ResourceFactory.createResource(ONTOLOGY + "/time-role#" + code);
  }

  /** A concept of the date-qualifier scheme ({@code …/def/date-qualifier#end}). */
  public static Resource dateQualifier(String code) {
    return ResourceFactory.createResource(ONTOLOGY + "/date-qualifier#" + code);
  }

  /** A concept of the status scheme ({@code …/def/status#done}). */
  public static Resource status(String code) {
    return ResourceFactory.createResource(ONTOLOGY + "/status#" + code);
  }

  private CKG() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS + localName);
  }
}
