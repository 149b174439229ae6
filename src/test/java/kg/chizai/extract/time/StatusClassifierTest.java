package kg.chizai.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kg.chizai.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StatusClassifierTest {

  /** Each clause's statuses as {@code DONE+CONSIDERING}, {@code -} for none, joined by "; ". */
  private static String clauses(String text) {
    return StatusClassifier.classify(text).stream()
        .map(
            c ->
                c.statuses().isEmpty()
                    ? "-"
                    : c.statuses().stream().map(Enum::name).collect(Collectors.joining("+")))
        .collect(Collectors.joining("; "));
  }

  // ---------------------------------------------------------------- one ending at a time

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "報告書を公表した。|DONE",
        "調査研究を行った。|DONE",
        "効果的な発信に取り組んだ。|DONE",
        "システムを構築したところ。|DONE",
        "周知広報を幅広く実施してきたところである。|DONE",
        "運用を開始済み。|DONE",
        "システムの整備が完了。|DONE",
        "ガイドラインの改訂を行った（令和７年１２月）。|DONE",
        "実写コンテンツ展開力強化官民協議会を開催。|DONE",
        "調査結果をHPに公表。|DONE",
        "「中間報告会」を開催（6月）。|DONE",
        "視聴動向を検証中。|ONGOING",
        "実証を継続中である。|ONGOING",
        "情報収集を継続中。|ONGOING",
        "体制を構築している。|ONGOING",
        "周知に努めている。|ONGOING",
        "相互理解の促進に取り組んでいる。|ONGOING",
        "海賊版対策を進めている。|ONGOING",
        "啓発活動を推進。|ONGOING",
        "地方創生の取組を加速。|ONGOING",
        "インセンティブ付与を引き続き実施。|ONGOING",
        "適切な運用を進める。|ONGOING",
        "調査を実施予定。|PLANNED",
        "改訂を行う予定である。|PLANNED",
        "実態調査について本年秋の結果公表を目指す。|PLANNED",
        "取組を実施することとしている。|PLANNED",
        "幅広い周知を行っていく。|PLANNED",
        "引き続き、幅広い周知を行っていく。|ONGOING+PLANNED",
        "相談があれば対応していく。|PLANNED",
        "来年度も同規模の研修を実施する。|PLANNED",
        "適宜協力する。|PLANNED",
        "今後、支援を実施。|PLANNED",
        "今後も引き続き必要な周知に努める。|ONGOING+PLANNED",
        "令和8年度も引き続き実施予定。|ONGOING+PLANNED",
        "今後の対応の在り方について議論を行い、現状取りまとめを公表。|DONE",
        "検討中。|ONGOING+CONSIDERING",
        "導入に向けた検討を進めている。|ONGOING+CONSIDERING",
        "権利行使方法を検討している。|ONGOING+CONSIDERING",
        "在り方について検討を行う。|PLANNED+CONSIDERING",
        "支援を検討する予定。|PLANNED+CONSIDERING",
        "推計方法について検討した。|DONE+CONSIDERING",
        "振興に向けて議論を行った。|DONE+CONSIDERING",
        "調査・検討に着手した。|DONE+CONSIDERING",
        "参照指針の検討等を実施。|DONE+CONSIDERING",
        "対応策を検討。|CONSIDERING",
        "施策の具体化を官民連携で議論。|CONSIDERING",
        "検討会を開催。|DONE",
        "官民協議会の議論に参加した。|DONE",
        "「DNS不正利用」の対象ではない。|-",
        "学説裁判例が十分に蓄積されていない分野である。|-",
        "本ガイドラインは2026年3月に1.2版として更新している。|DONE",
        "令和8年1月に改正し、その内容周知を進めている。|ONGOING; ONGOING",
        "同年7月に公表するなど周知・啓発に取り組んでいる。|ONGOING",
        "令和7年12月末現在、約233万点の資料を提供している。|ONGOING"
      })
  void classify_ending_statuses(String clause, String expected) {
    assertEquals(expected, clauses(clause));
  }

  // ---------------------------------------------------------------- clauses

  @Test
  void classify_plainVerbBeforeTotomoni_takesMainClauseTense() {
    String text = "法律を令和7年6月に公布、同年9月に施行するとともに、指針を同年12月に策定した。";
    List<ClauseStatus> clauses = StatusClassifier.classify(text);
    assertEquals(
        List.of("法律を令和7年6月に公布、同年9月に施行するとともに、", "指針を同年12月に策定した"),
        clauses.stream().map(ClauseStatus::text).collect(Collectors.toList()));
    assertEquals(Set.of(Status.DONE), clauses.get(0).statuses());
    assertTrue(clauses.get(0).cue().contains("tense of the main clause"), clauses.get(0).cue());
    assertEquals(Set.of(Status.DONE), clauses.get(1).statuses());
  }

  @Test
  void classify_nounBeforeTotomoni_notAClauseBoundary() {
    assertEquals("DONE+CONSIDERING", clauses("関係省庁等とともに議論を行った。"));
    assertEquals("DONE", clauses("作品の周知とともに、手続への適切な対応を依頼。"));
  }

  @Test
  void classify_connectives_cutClausesWithOwnTense() {
    assertEquals("DONE; ONGOING+CONSIDERING", clauses("記載を一部行った他、小委員会にて検討を進めている。"));
    assertEquals("DONE; DONE", clauses("意見交換等を行ったほか、取組についてフォローした。"));
    assertEquals("DONE; ONGOING", clauses("考え方をとりまとめた後、周知・啓発に取り組んでいる。"));
    assertEquals("DONE; ONGOING+CONSIDERING", clauses("報告書を取りまとめたところであり、導入に向けた検討を進めている。"));
    assertEquals("ONGOING; PLANNED", clauses("研修を実施しており、来年度も同規模の研修を実施する。"));
    assertEquals("-; DONE", clauses("対象ではないが、問題提起を行った。"));
    assertEquals("DONE; DONE", clauses("資料を作成した上で、説明会を開催した。"));
    assertEquals("ONGOING; ONGOING", clauses("重要性について周知し、また、解釈について周知している。"));
  }

  @Test
  void classify_continuative_cutsAndSharesTheTenseOfTheNextClause() {
    // 〜し、 cuts a clause with no tense of its own; with no report date it takes the next one's.
    assertEquals("PLANNED; PLANNED", clauses("ヒアリングを実施し、令和8年度にも調査を実施予定。"));
    // に関し、 is a preposition, not a verb: it does not cut.
    assertEquals("DONE", clauses("著作権に関し、説明会を開催した。"));
  }

  @Test
  void statuses_datedContinuative_takesItsTenseFromTime() {
    Optional<YearMonth> april2026 = Optional.of(YearMonth.of(2026, 4));
    // Its own time, wholly before the report: done; the main clause's plan stays planned.
    assertEquals(
        Set.of(Status.DONE, Status.PLANNED),
        StatusClassifier.statuses("令和7年度に実証を実施し、その実証結果を踏まえて、令和8年度は実装に向けた実証等を実施する。", april2026));
    assertEquals(
        Set.of(Status.DONE, Status.ONGOING),
        StatusClassifier.statuses("令和8年1月に改正し、その内容周知を進めている。", april2026));
    // No time of its own, before a clause that opens with a future time: what came before the plan.
    assertEquals(
        Set.of(Status.DONE, Status.PLANNED),
        StatusClassifier.statuses("ヒアリングを実施し、令和8年度にも調査を実施予定。", april2026));
    // Its own time, wholly after the report: planned.
    assertEquals(
        Set.of(Status.PLANNED, Status.ONGOING),
        StatusClassifier.statuses("令和9年1月に説明会を開催し、周知に取り組んでいる。", april2026));
    // A time that spans the report's month says nothing: the main clause's tense.
    assertEquals(
        Set.of(Status.ONGOING), StatusClassifier.statuses("令和8年度に研修を実施し、周知に取り組んでいる。", april2026));
    // Without a report date, the main clause's tense as before.
    assertEquals(
        Set.of(Status.PLANNED),
        StatusClassifier.statuses("ヒアリングを実施し、令和8年度にも調査を実施予定。", Optional.empty()));
  }

  @Test
  void classify_offsets_pointIntoTextWithoutBulletsAndTags() {
    String text = "【文化庁】\n- ・調査を実施。令和8年度も引き続き実施予定。";
    List<ClauseStatus> clauses = StatusClassifier.classify(text);
    assertEquals(2, clauses.size());
    for (ClauseStatus c : clauses) {
      assertEquals(text.substring(c.start(), c.end()), c.text());
    }
    assertEquals("調査を実施", clauses.get(0).text());
    assertEquals("令和8年度も引き続き実施予定", clauses.get(1).text());
  }

  @Test
  void classify_emptyText_noClauses() {
    assertEquals(List.of(), StatusClassifier.classify(""));
    assertEquals(List.of(), StatusClassifier.classify("【文化庁】\n\n"));
  }

  // ---------------------------------------------------------------- entries

  @Test
  void statuses_entryWithDifferentClauses_getsEveryStatus() {
    assertEquals(
        EnumSet.of(Status.DONE, Status.ONGOING, Status.CONSIDERING),
        StatusClassifier.statuses("ガイドラインを公表した。制度の導入に向けた検討を進めている。"));
    assertEquals(
        EnumSet.of(Status.DONE, Status.ONGOING, Status.PLANNED),
        StatusClassifier.statuses("【文化庁】 新技術を活用し、新たにクリエイター支援基金への補助金を交付。令和8年度も引き続き当該基金による取組を実施予定。"));
    assertEquals(EnumSet.noneOf(Status.class), StatusClassifier.statuses("【文化庁】"));
  }

  @Test
  void statuses_areImmutable() {
    Set<Status> s = StatusClassifier.statuses("公表した。");
    assertThrows(UnsupportedOperationException.class, () -> s.add(Status.PLANNED));
    Set<Status> c = StatusClassifier.classify("公表した。").get(0).statuses();
    assertThrows(UnsupportedOperationException.class, () -> c.add(Status.PLANNED));
  }

  @Test
  void classify_randomText_neverThrowsAndSpansAreConsistent() {
    String alphabet = "したいるておりとともにほか他、。予定中検討議論実施公表引き続き今後であるが（）【】・- \n上で";
    java.util.Random random = new java.util.Random(20260401L);
    int found = 0;
    for (int n = 0; n < 5000; n++) {
      StringBuilder b = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int k = 0; k < length; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      int previousEnd = 0;
      for (ClauseStatus c : StatusClassifier.classify(text)) {
        assertEquals(text.substring(c.start(), c.end()), c.text(), text);
        assertTrue(c.start() >= previousEnd, () -> "overlapping clauses in " + text);
        previousEnd = c.end();
        found++;
      }
    }
    // The checks above ran on many clauses, not on none.
    assertTrue(found > 500, "clauses found in 5000 random texts: " + found);
  }

  // ---------------------------------------------------------------- the seed's entries

  static Stream<Arguments> seedEntries() {
    return Stream.of(
        Arguments.of(
            "【知財】 「AI時代の知的財産権検討会」を開催し、関係省庁等とともに議論を行った。また、「AIの適切な利活用等に向けた知"
                + "的財産の保護及び透明性に関するプリンシプル・コード（仮称）」の策定に向けた検討を進めている。",
            "DONE; DONE+CONSIDERING; ONGOING+CONSIDERING"),
        Arguments.of(
            "【文化庁】 AIと著作権の関係については、令和6年3月に「AIと著作権に関する考え方について」をとりまとめた後、本文書の"
                + "内容を踏まえて、関係当事者の立場ごとに分かりやすくまとめた「AIと著作権に関するチェックリスト&ガイダンス」を作成し、同"
                + "年7月に公表するなど周知・啓発に取り組んでいる。",
            "DONE; ONGOING; ONGOING"),
        Arguments.of(
            "【総務省・経産省】 2024年4月に策定・公表した「AI事業者ガイドライン」について、講演等を通じて事業者への周知を行っ"
                + "た。本ガイドラインは2026年3月に1.2版として更新しており、引き続きAIの動向を踏まえ更新を行っていく。",
            "DONE; DONE; ONGOING+PLANNED"),
        Arguments.of(
            "【経産省】 令和7年3月に改訂した営業秘密管理指針にAIに関する記載を一部行った他、産業構造審議会知的財産分科会特許制度"
                + "小委員会及び同意匠制度小委員会にて検討を進めている。",
            "DONE; ONGOING+CONSIDERING"),
        Arguments.of(
            "【文化庁】関係者当事者間のコミュニケーションの場を運営し、これまでの成果をまとめた「AI と著作権に関する関係者ネットワ"
                + "ークの総括」を令和7年5月に公表した。引き続き、新たなコンテンツの創作と文化の発展に向けた共創の実現に向け、情報共有や相"
                + "互理解の促進に取り組んでいる。",
            "DONE; DONE; ONGOING"),
        Arguments.of("【知財】 適宜関連会議等に出席するなど、関係者と意見交換等を行ったほか、関係省庁の取組についてフォローした。", "DONE; DONE"),
        Arguments.of(
            "【内閣府（科技）】人工知能関連技術の研究開発及び活用の推進に関する法律を令和7年6月に公布、同年9月に施行するとともに、"
                + "同法第13条に基づく人工知能関連技術の研究開発及び活用の適正性確保に関する指針を同年12月に策定した。",
            "DONE; DONE"),
        Arguments.of(
            "【経産省】関係省庁オブザーバ参加の下で、エンタメ・クリエイティブ産業政策研究会において、20兆円目標達成に向けて、202"
                + "6年以降の政策立案・実施のための目標・戦略・施策の具体化を官民連携で議論。",
            "CONSIDERING"),
        Arguments.of(
            "【総務省】放送・配信コンテンツの製作力強化及び海外展開の推進に向けて、令和8年1月末に実写コンテンツ展開力強化官民協議会" + "を開催。", "DONE"),
        Arguments.of("【知財】データの収集の在り方等について情報収集を継続中。", "ONGOING"),
        Arguments.of(
            "【経産省】JETRO海外事務所において、令和6年度にロサンゼルス・バンコク・ニューデリー、令和7年度にサンパウロ・ソウル"
                + "・上海・パリに、コンテンツ専門人材を配置。また、コンテンツ海外展開支援拠点のHPも作成。今後も専門人材の配置地域を拡大予"
                + "定。",
            "DONE; DONE; PLANNED"),
        Arguments.of(
            "【経産省】VFXを含むポストプロダクション工程も含めたインセンティブ付与を引き続き実施。また、知財との連名で事務連絡を発"
                + "出し、インセンティブ付与対象作品の周知とともに、ロケ誘致・撮影の許認可手続への適切な対応を依頼。",
            "ONGOING; DONE; DONE"),
        Arguments.of(
            "【文化庁】令和7年度は、「活字文化グローバル展開協議会」を発足。また、フランス、スペインの図書館における日本マンガの所蔵"
                + "状況に関する調査を実施。令和8年度は、本協議会の下、産学官の連携協力による活字文化のグローバル発信に向けた取組を実施予定"
                + "。",
            "DONE; DONE; PLANNED"),
        Arguments.of(
            "【文化庁】 文化庁文化審議会著作権分科会において検討を行い、令和7年3月に報告書を取りまとめたところであり、報告書や関係"
                + "者の意見を踏まえ、制度の導入に向けた検討を進めている。",
            "DONE; ONGOING+CONSIDERING"),
        Arguments.of(
            "【文化庁】 新技術を活用し、コンテンツの制作・発信を支える人材の育成を目的に、新たにクリエイター支援基金への補助金を交付"
                + "。令和8年度も引き続き当該基金による取組を実施予定。",
            "DONE; DONE; ONGOING+PLANNED"),
        Arguments.of(
            "【文化庁】 文化庁文化審議会著作権分科会政策小委員会において、DX時代におけるクリエイターへの対価還元について、実態把握"
                + "を行うとともに適切な対価還元に向け検討を行っている。",
            "ONGOING; ONGOING+CONSIDERING"),
        Arguments.of(
            "【文化庁】 2026年4月から施行となる未管理著作物裁定制度の円滑な運用のため、2025年度において、各分野のデータベー"
                + "ス等を保有する団体等との連携により、分野を横断した権利情報の集約化をはかる「分野横断権利情報検索システム」を構築したとこ"
                + "ろ。これにより、デジタル時代に対応した適切なクリエイターへの対価還元にも資する環境整備を行った。",
            "DONE; DONE"),
        Arguments.of(
            "【経産省】 令和6年度補正クリエイター・事業者支援事業費補助金（クリエイター・事業者海外展開促進）において、「デジタル技"
                + "術を用いた先進ビジネスモデル構築支援」にて、電子コミック等の配信プラットフォームに対して支援を実施。またコンテンツ産業成"
                + "長投資支援事業において、引き続き海外で通用する流通プラットフォームに対する支援を実施する。",
            "DONE; ONGOING+PLANNED"),
        Arguments.of(
            "【警察庁】警察では、チケット不正転売について、興行主との連携やサイバーパトロールによる端緒情報の入手に努め、積極的な事件"
                + "化を推進している。また、再発防止対策が講じられるよう関係機関・団体に対して必要な働き掛けを行っている。",
            "ONGOING; ONGOING"),
        Arguments.of("【経産省】2025年度、アニメ制作業において課題とされている就業環境の改善に向けた調査・検討に着手した。", "DONE+CONSIDERING"),
        Arguments.of(
            "【中企庁】 下請代金支払遅延等防止法及び下請中小企業振興法の改正法の施行に向けて、公正取引委員会と連携し改正事項に関する"
                + "周知広報を幅広く実施してきたところ。施行後も引き続き、制度周知及び普及啓発に取り組んでいく。",
            "DONE; ONGOING+PLANNED"),
        Arguments.of(
            "【総務省】 2026年1月1日付で、「放送コンテンツの製作取引適正化に関するガイドライン」（改訂第9版）を施行しており、"
                + "引き続き、周知や取引実態に関する調査等の取組を通じ、ガイドラインの遵守徹底を図る。",
            "DONE; ONGOING+PLANNED"),
        Arguments.of(
            "【公取委】下請法を改正し、協議に応じない一方的な代金決定等の新たな禁止事項を設けた。また、労務費転嫁指針について、下請法"
                + "改正等を踏まえて令和8年1月に改正し、その内容周知を進めている。さらに、令和8年予算において、優越Gメン等の大幅な増員を"
                + "盛り込んだ。",
            "DONE; DONE; ONGOING; ONGOING; DONE"),
        Arguments.of(
            "【総務省】放送コンテンツの製作現場における就業環境の全体像を把握するため、番組製作会社へのヒアリングを実施し、令和8年度"
                + "にも放送事業者・番組製作会社等に対する調査を実施予定。",
            "PLANNED; PLANNED"),
        Arguments.of(
            "【警察庁】権利者団体や関係府省と連携しつつ、国際捜査共助等の枠組みを活用して、海賊版サイトの運営者摘発に向けた捜査を推進"
                + "している。令和7年中は、映画や漫画に係る著作権法違反事件を検挙した。",
            "ONGOING; DONE"),
        Arguments.of(
            "【法務省】 捜査機関による捜査共助要請等において、法務省の協力が必要な場合には、適宜協力し、海外の海賊版サイトによる著作"
                + "権侵害の実情及び関連する文化庁の著作権法の解釈（一定の場合には国内犯として処罰可能である旨の解釈）について周知するととも"
                + "に、全国の検察庁に対し、警察からの相談への適切な対応の必要性やその他の関連機関との連携の重要性について周知しており、今後"
                + "も引き続き必要な周知に努める。",
            "ONGOING; ONGOING; ONGOING; ONGOING+PLANNED"),
        Arguments.of(
            "【財務省】令和7年度においては、前年に引き続き、一般消費者向けの啓発動画及び特設ページを一般ウェブサイトやSNS等の広告"
                + "枠等へ掲載することで注意喚起を行った。あわせて、啓発動画及び特設ページに誘導するポスターを新たに作成し、効果的な啓発活動"
                + "を行った。",
            "DONE; DONE; DONE"),
        Arguments.of(
            "【文化庁】AIを活用した海賊版サイト、コンテンツ等の検知システムを実証的に構築し、漫画、アニメ等の権利者の協力を得た上で"
                + "海賊版の検知を実施。迅速・簡便な権利行使方法を検討している。実証研究として、検知結果の精度や費用等について検証を行った。",
            "DONE; DONE; ONGOING+CONSIDERING; DONE"),
        Arguments.of(
            "【文化庁】令和7年度は、7か国（韓国、中国、インドネシア、タイ、フィリピン、ベトナム、マレーシア）の著作権部局、警察部局"
                + "等の担当官、有識者、国際刑事警察機構（インターポール）、世界知的所有権機関（WIPO）等の国際機関等を招聘し、インターネ"
                + "ット上の海賊版に対する国際著作権会合を開催し、多国間での連携の重要性及び継続的な協力について確認した。同会合には国内権利"
                + "者等も参加し、外国当局とのネットワーキングの機会を提供した。次年度は参加国を拡大して開催予定。",
            "DONE; DONE; DONE; DONE; DONE; PLANNED"),
        Arguments.of(
            "【警察庁】警察では、海賊版サイトの運営者摘発に向けて、権利者団体や関係省庁と連携した取組のほか、国際捜査共助等の枠組を活"
                + "用した捜査を推進している。また、海賊版によって生じた犯罪収益の隠匿に預貯金口座が悪用された事例を令和7年犯罪収益移転危険"
                + "度調査書に掲載し、金融機関をはじめとする特定事業者によるマネー・ローンダリング等のリスクの適切な理解を促進した。",
            "ONGOING; DONE; DONE"),
        Arguments.of(
            "・原資料の保存及び電子図書館サービスの向上の観点から、所蔵資料のデジタル化を継続して実施している。令和7年度は、2000"
                + "年までに国内で刊行された図書を中心にデジタル化を進めた。",
            "ONGOING; DONE"),
        Arguments.of("・絶版等資料のインターネット送信については、令和7年12月末現在、約233万点の資料を提供している。", "ONGOING"),
        Arguments.of(
            "・令和7年度に、新たに5の連携機関（つなぎ役）、15のデータベースと連携した。令和7年12月末時点で60連携（つなぎ役）"
                + "機関、284データベース、約3,200万件のメタデータが検索可能であり、令和8年度も引き続き連携拡充に取り組む。",
            "DONE; -; ONGOING+PLANNED"),
        Arguments.of(
            "- ・「海賊版対策実務者意見交換会」の下で開催されている「レジストラ・CDN等対策WG」にオブザーバ参加し、海賊版サイト"
                + "の運営に必要なCDNサービスやドメイン名などのインターネット資源の悪用について、出版権利者や通信事業者、有識者と連携の上"
                + "で、現状把握や課題認識を共有するとともに、対応策を検討。",
            "-; -; CONSIDERING"));
  }

  @ParameterizedTest
  @MethodSource("seedEntries")
  void classify_seedEntry_everyClause(String entry, String expected) {
    assertEquals(expected, clauses(entry));
  }

  @ParameterizedTest
  @MethodSource("seedEntries")
  void statuses_seedEntry_unionOfClauses(String entry, String expected) {
    EnumSet<Status> union = EnumSet.noneOf(Status.class);
    for (String clause : expected.split("; ")) {
      if (!clause.equals("-")) {
        for (String s : clause.split("\\+")) {
          union.add(Status.valueOf(s));
        }
      }
    }
    assertEquals(union, StatusClassifier.statuses(entry));
  }
}
