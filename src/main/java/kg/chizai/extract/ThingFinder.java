package kg.chizai.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.base.Sha256;
import kg.chizai.extract.text.TextFold;
import kg.chizai.model.NamedThing;

/**
 * Finds named documents, councils, programs, information systems and events: names in 「…」 whose
 * last word says what they are (…ガイドライン, …検討会, …事業, …システム, …アワード), and unquoted names the names
 * table knows (営業秘密管理指針, 映適取引ガイドライン). Also reads a version stated next to a name (「…」（改訂第9版）,
 * 1.2版として) and who is responsible where the text says so (「Xが策定した「…」」).
 */
final class ThingFinder {

  /** A thing named at [start, end) of a text. */
  record Found(
      int start,
      int end,
      String surface,
      NamedThing thing,
      Optional<String> version,
      Optional<String> issuerName) {}

  /** Suffix rules, most specific first: the type a name gets from its last word. */
  private static final List<Object[]> RULES =
      List.of(
          new Object[] {"checklist", "(?:チェックリスト(?:&ガイダンス)?|チェックリスト＆ガイダンス)$"},
          new Object[] {"guideline", "(?:ガイドライン|指針|ガイダンス|手引き?|マニュアル|要領|規程|コード)$"},
          new Object[] {"roadmap", "(?:工程表|ロードマップ)$"},
          new Object[] {
            "strategy", "(?:戦略(?:\\d{4}(?:[-－]\\d{4})?)?|計画\\d{0,4}|方針|ビジョン|プラン|アクションプラン)$"
          },
          new Object[] {"handbook", "(?:ハンドブック|パンフレット|事例集|テキスト|教材)$"},
          new Object[] {"report", "(?:報告書|とりまとめ|取りまとめ|取組事例|まとめ|総括|レポート|白書|調査書|考え方について|考え方)$"},
          new Object[] {
            "council", "(?:検討会議?|協議会|会議|小委員会|委員会|分科会|ワーキングチーム|ワーキンググループ|WG|研究会|懇談会|審議会|意見交換会|推進体制)$"
          },
          new Object[] {"fund", "(?:基金)$"},
          new Object[] {"subsidy", "(?:補助金|助成金|交付金)$"},
          new Object[] {"program", "(?:事業|プログラム|プロジェクト|支援|枠|制度|研修)$"},
          new Object[] {"portal", "(?:ポータル(?:サイト)?|ウェブサイト|サイト)$"},
          new Object[] {"database", "(?:データベース)$"},
          new Object[] {"system", "(?:システム|プラットフォーム|Theater|サーチ|オンライン)$"},
          new Object[] {"award", "(?:アワード|賞)$"},
          new Object[] {"campaign", "(?:キャンペーン)$"},
          new Object[] {
            "event",
            "(?:フェス(?:\\d{4})?(?:[—–-].*)?|映画祭|祭|イベント|会合|万博|コンテスト|フェア|見本市|展覧会|フォーラム|シンポジウム|セミナー)$"
          });

  private static final List<Pattern> RULE_PATTERNS =
      RULES.stream().map(r -> Pattern.compile((String) r[1])).toList();

  /** A sentence that speaks of the thing named in the one before: 「本ガイドラインは…」. */
  private static final Pattern SAME_THING_NEXT =
      Pattern.compile("(?s)^(?:本|同|当該)[^、。]{1,12}(?:は|を|について).*");

  private static final Pattern QUOTED = Pattern.compile("「([^「」]{2,120})」");
  private static final Pattern PROVISIONAL = Pattern.compile("^[（(]仮称[）)]");
  private static final Pattern INNER_PROVISIONAL = Pattern.compile("[（(]仮称[）)]$");
  private static final Pattern EDITION_AFTER =
      Pattern.compile("^[（(]((?:改訂|改定)?第?[0-9０-９.．]+版|仮称)[）)]");
  private static final Pattern VERSION_LATER = Pattern.compile("([0-9０-９]+[.．][0-9０-９]+版)");
  private static final Pattern ISSUER_BEFORE =
      Pattern.compile(
          "([\\p{IsHan}\\p{IsKatakana}ー・A-Za-z（）()]{2,40})(?:が|の)(?:策定|作成|公表|運営|主催|実施|まとめ|とりまとめ|取りまとめ|開催)(?:した|する|している|る|た)?$|([\\p{IsHan}\\p{IsKatakana}ー・A-Za-z（）()]{2,40})が行う$");

  private final AliasIndex<NamedThing> table = new AliasIndex<>();

  ThingFinder(ReferenceTables tables) {
    for (NamedThing t : tables.names().values()) {
      table.add(t.label(), t);
      t.altLabels().forEach(a -> table.add(a, t));
    }
  }

  List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    Matcher q = QUOTED.matcher(text);
    while (q.find()) {
      String name = q.group(1).strip();
      int end = q.end();
      String rest = text.substring(end);
      Optional<String> version = Optional.empty();
      Matcher inner = INNER_PROVISIONAL.matcher(name);
      if (inner.find()) {
        version = Optional.of("仮称");
        name = name.substring(0, inner.start()).strip();
      }
      Matcher ed = EDITION_AFTER.matcher(rest);
      if (ed.find()) {
        version = Optional.of(ed.group(1));
      }
      String label = name;
      Optional<NamedThing> known = lookup(label);
      Optional<String> type = known.map(NamedThing::type).or(() -> typeOf(label));
      if (type.isEmpty()) {
        continue;
      }
      if (version.isEmpty()) {
        version = laterVersion(rest);
      }
      NamedThing thing = known.orElseGet(() -> minted(label, type.get()));
      out.add(new Found(q.start(), end, q.group(), thing, version, issuerBefore(text, q.start())));
    }
    for (AliasIndex.Hit<NamedThing> hit : table.find(text)) {
      if (insideQuotes(out, hit.start())) {
        continue;
      }
      String rest = text.substring(hit.end());
      Optional<String> version = laterVersion(rest);
      out.add(
          new Found(
              hit.start(),
              hit.end(),
              hit.surface(),
              hit.value(),
              version,
              issuerBefore(text, hit.start())));
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  private Optional<NamedThing> lookup(String name) {
    String stripped = PROVISIONAL.matcher(name).replaceAll("").strip();
    for (AliasIndex.Hit<NamedThing> h : table.find(stripped)) {
      if (h.start() == 0 && h.end() == stripped.length()) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** The type a quoted name gets from its last word, if any rule applies. */
  static Optional<String> typeOf(String name) {
    String n = TextFold.fold(INNER_PROVISIONAL.matcher(name).replaceAll("").strip());
    for (int i = 0; i < RULES.size(); i++) {
      if (RULE_PATTERNS.get(i).matcher(n).find()) {
        return Optional.of((String) RULES.get(i)[0]);
      }
    }
    return Optional.empty();
  }

  /** A version stated later in the same sentence: 「…」について…2026年3月に1.2版として更新. */
  private static Optional<String> laterVersion(String rest) {
    int stop = rest.indexOf('。');
    String sentence = stop >= 0 ? rest.substring(0, stop) : rest;
    // The next sentence counts when it speaks of the same thing: 「本ガイドラインは…1.2版として更新」.
    if (stop >= 0 && SAME_THING_NEXT.matcher(rest.substring(stop + 1)).matches()) {
      int next = rest.indexOf('。', stop + 1);
      sentence = sentence + rest.substring(stop + 1, next >= 0 ? next : rest.length());
    }
    if (sentence.indexOf('「') >= 0) {
      sentence = sentence.substring(0, sentence.indexOf('「'));
    }
    Matcher m = VERSION_LATER.matcher(sentence);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<String> issuerBefore(String text, int start) {
    Matcher m = ISSUER_BEFORE.matcher(text.substring(Math.max(0, start - 60), start));
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
  }

  private static boolean insideQuotes(List<Found> quoted, int at) {
    for (Found f : quoted) {
      if (f.start() <= at && at < f.end()) {
        return true;
      }
    }
    return false;
  }

  static NamedThing minted(String name, String type) {
    String label = PROVISIONAL.matcher(name).replaceAll("").strip();
    return new NamedThing(
        "n-" + hash(Lines.comparable(label)),
        type,
        label,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        false);
  }

  private static String hash(String s) {
    return Sha256.hex(s).substring(0, 12);
  }
}
