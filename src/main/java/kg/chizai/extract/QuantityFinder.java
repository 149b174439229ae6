package kg.chizai.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.extract.text.TextFold;

/**
 * Finds quantities and targets: 約200か所, 20兆円, 約3,200万件, 26.9%, 7か国, 100のアクション. Reads the value
 * (scaled by 万, 億, 兆), the unit, 約 (approximate), what is counted where the text says it
 * (「…数：28機関」, 「約1350万件のメタデータ」), and a target year (2033年までに…).
 *
 * <p>Numbers that are dates, ordinals, editions or parts of names are not quantities: 2025年, 第12回,
 * 1.2版, 4K, Web3.0, 令和7年度.
 */
final class QuantityFinder {

  /** A quantity at [start, end) of a text. */
  record Found(
      int start,
      int end,
      String surface,
      BigDecimal value,
      String unit,
      boolean approximate,
      Optional<String> counted,
      Optional<Integer> targetYear) {}

  private static final String UNITS =
      "円|ドル|件|か所|カ所|ヶ所|箇所|機関|団体|点|業種|か国|カ国|ヶ国|言語|人|名|社|本|作品|タイトル|回|都道府県|拠点|"
          + "校|館|者|%|％|倍|時間|分野|種類|データベース|連携|事業者|事例|地域|都市";
  private static final Pattern ENDS_IN_CODE = Pattern.compile("(?s).*[A-Za-z.．\\-~〜～－]$");

  private static final Pattern QUANTITY =
      Pattern.compile(
          "(約|およそ|最大|計|合計)?([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(兆|億|万|千)?(?:("
              + UNITS
              + ")|つ?の([\\p{IsHan}\\p{IsKatakana}ー]{1,12}))");
  private static final Pattern TARGET = Pattern.compile("([0-9０-９]{4})年(?:度)?までに[^。]*$");
  private static final Pattern LABEL_BEFORE = Pattern.compile("([^（(、。：:]{1,40})[：:]\\s*(?:約)?$");
  private static final Pattern ACTION_NOUNS =
      Pattern.compile("(?:選定|設置|整備|実施|開催|配置|提供|公開|達成|確保|拡大|実現|創出|支援|育成)");
  private static final Pattern NOUN_AFTER =
      Pattern.compile("^の([\\p{IsHan}\\p{IsKatakana}ー・]{1,20})");

  List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    Matcher m = QUANTITY.matcher(text);
    while (m.find()) {
      int s = m.start();
      int e = m.end();
      String before = text.substring(0, s);
      String number = TextFold.fold(m.group(2)).replace(",", "").replace("，", "");
      if (excluded(m.group(1) == null ? before : "", text.substring(e), m.group(2), number)) {
        continue;
      }
      BigDecimal value = new BigDecimal(number);
      if (m.group(3) != null) {
        value =
            value.multiply(
                switch (m.group(3)) {
                  case "兆" -> new BigDecimal("1000000000000");
                  case "億" -> new BigDecimal("100000000");
                  case "万" -> new BigDecimal("10000");
                  default -> new BigDecimal("1000");
                });
      }
      String unit = m.group(4) != null ? m.group(4) : m.group(5);
      if (unit.equals("％")) {
        unit = "%";
      }
      Optional<String> counted =
          counted(before, text.substring(e), m.group(5) != null ? unit : null);
      Optional<Integer> target = Optional.empty();
      Matcher t = TARGET.matcher(TextFold.fold(sentenceBefore(before)));
      if (t.find()) {
        target = Optional.of(Integer.parseInt(t.group(1)));
      }
      out.add(
          new Found(
              s,
              e,
              m.group(),
              value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value,
              unit,
              m.group(1) != null && m.group(1).equals("約") || "およそ".equals(m.group(1)),
              counted,
              target));
    }
    return out;
  }

  private static boolean excluded(String before, String after, String raw, String number) {
    String folded = TextFold.fold(before);
    if (folded.endsWith("第") || ENDS_IN_CODE.matcher(folded).matches()) {
      return true;
    }
    // A year attached to a name (戦略2026, フェス2025) is part of the name.
    if (number.length() == 4
        && !folded.isEmpty()
        && !folded.endsWith("約")
        && Character.isLetter(folded.charAt(folded.length() - 1))) {
      return true;
    }
    String a = TextFold.fold(after);
    if (a.startsWith("年")
        || a.startsWith("月")
        || a.startsWith("日")
        || a.startsWith("版")
        || a.startsWith("号")
        || a.startsWith("条")
        || a.startsWith("次")
        || a.startsWith("期")
        || a.startsWith("K")
        || a.startsWith("-")
        || a.startsWith("－")) {
      return true;
    }
    return number.isEmpty() || raw.startsWith(",");
  }

  private static boolean isNameChar(char c) {
    return AliasIndex.isKanji(c) || AliasIndex.isKatakana(c) || AliasIndex.isAsciiWord(c);
  }

  /** What is counted: a label before a colon (…数：28機関), or the noun after の (…件のメタデータ). */
  private static Optional<String> counted(String before, String after, String nounUnit) {
    if (nounUnit != null) {
      return Optional.of(nounUnit);
    }
    Matcher label = LABEL_BEFORE.matcher(before);
    if (label.find()) {
      return Optional.of(label.group(1).strip());
    }
    Matcher noun = NOUN_AFTER.matcher(after);
    if (noun.find() && !ACTION_NOUNS.matcher(noun.group(1)).matches()) {
      return Optional.of(noun.group(1));
    }
    return Optional.empty();
  }

  private static String sentenceBefore(String before) {
    int stop = Math.max(before.lastIndexOf('。'), before.lastIndexOf('、'));
    return stop >= 0 ? before.substring(stop + 1) : before;
  }
}
