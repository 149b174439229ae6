package kg.chizai.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.extract.text.Numerals;
import kg.chizai.extract.text.TextFold;
import kg.chizai.extract.time.DateNormalizer;
import kg.chizai.extract.time.TimeExpression;
import kg.chizai.model.Statute;

/**
 * Finds the statutes a text names: by title, former title or alias (from the statutes table); 同法
 * (the statute last named before it in the same text); articles (第13条, 同法第30条の4); and amending acts
 * (「下請法及び下請中小企業振興法の改正法」, 「2023年に改正された著作権法」, 「下請法を改正し」).
 *
 * <p>A statute named right after a foreign marker or a foreign country (同国の著作権法, ベトナムの著作権法) is a
 * foreign law and is not linked; a law-like word that the table does not know (…法) is reported
 * unresolved unless it is one of the table's generic phrases (知的財産法, 関連法).
 */
final class StatuteFinder {

  /** A statute (or article of one) named in a text, at [start, end). */
  record Found(
      int start, int end, String surface, String lawId, Optional<String> article, How how) {}

  /** How a statute was found. */
  enum How {
    NAME,
    SAME_LAW,
    AMENDMENT
  }

  /** A law-like name that is not linked: foreign, or unknown. */
  record NotLinked(int start, int end, String surface, boolean foreign) {}

  record Result(List<Found> found, List<NotLinked> notLinked) {}

  private static final String NUM = "[0-9一二三四五六七八九十百千〇]+";

  /** What may stand between two statutes of one list: 及び, 並びに, ・, 、, と. */
  private static final Pattern JOINER = Pattern.compile("(?:等)?(?:及び|並びに|・|、|と)");

  private static final Pattern ARTICLE = Pattern.compile("^第(" + NUM + ")条(?:の(" + NUM + "))?");
  private static final Pattern AMEND_AFTER =
      Pattern.compile("^(?:等)?(?:の一部を改正する法律|の改正法|改正法|を改正し|の改正|改正)");
  private static final Pattern YEAR_AMENDED_BEFORE =
      Pattern.compile("((?:令和|平成|昭和)?(?:元|\\d{1,4})年)(?:に|度に)?改正された$");
  private static final Pattern LAW_LIKE =
      Pattern.compile("[\\p{IsHan}\\p{IsKatakana}ー・A-Za-z]{1,40}法(?![人務制的律令案廷曹規理則学科上])");
  private static final Set<String> NOT_LAWS =
      Set.of(
          "方法", "手法", "技法", "製法", "用法", "文法", "司法", "立法", "違法", "合法", "適法", "作法", "工法", "療法", "話法",
          "論法", "算法", "寸法", "兵法", "説法", "魔法", "戦法", "便法", "除法", "加法", "同法", "新法", "本法", "当該法", "各法",
          "諸法", "両法", "憲法", "商法", "刑法", "民法", "法");

  private final AliasIndex<String> names = new AliasIndex<>();
  private final List<Statute> amendingActs = new ArrayList<>();
  private final List<String> generic;
  private final List<String> foreignMarkers;
  private final AliasIndex<String> countries;

  StatuteFinder(ReferenceTables tables) {
    for (Statute s : tables.statutes().values()) {
      names.add(s.title(), s.id());
      s.aliases().forEach(a -> names.add(a, s.id()));
      s.formerTitles().forEach(f -> names.add(f.title(), s.id()));
      if (s.amendingAct()) {
        amendingActs.add(s);
      }
    }
    names.add("同法", "");
    this.generic = tables.genericPhrases();
    this.foreignMarkers = tables.foreignMarkers();
    this.countries = new AliasIndex<>();
    tables.places().values().stream()
        .filter(p -> p.kind().equals("country") && !p.iso3166().orElse("").equals("JP"))
        .forEach(
            p -> {
              countries.add(p.nameJa(), p.id());
              p.altLabels().forEach(a -> countries.add(a, p.id()));
            });
  }

  /** The statutes named in one item's text; {@code reportDate} bounds amending-act look-ups. */
  Result find(String text, LocalDate reportDate) {
    List<Found> found = new ArrayList<>();
    List<NotLinked> notLinked = new ArrayList<>();
    String last = null;
    List<AliasIndex.Hit<String>> hits = names.find(text);
    for (int k = 0; k < hits.size(); k++) {
      AliasIndex.Hit<String> hit = hits.get(k);
      boolean same = hit.value().isEmpty();
      String lawId = same ? last : hit.value();
      if (lawId == null) {
        notLinked.add(new NotLinked(hit.start(), hit.end(), hit.surface(), false));
        continue;
      }
      if (!same && isForeign(text, hit.start())) {
        notLinked.add(new NotLinked(hit.start(), hit.end(), hit.surface(), true));
        continue;
      }
      int end = hit.end();
      Matcher article = ARTICLE.matcher(text.substring(end));
      Optional<String> articleNo = Optional.empty();
      if (article.find()) {
        articleNo = Optional.of(articleNumber(article.group(1), article.group(2)));
        end += article.end();
      }
      found.add(
          new Found(
              hit.start(),
              end,
              text.substring(hit.start(), end),
              lawId,
              articleNo,
              same ? How.SAME_LAW : How.NAME));
      last = lawId;
      amendment(text, hits, k, reportDate).ifPresent(found::add);
    }
    unresolved(text, found, notLinked);
    return new Result(found, notLinked);
  }

  /**
   * The amending act a statute name is part of: 「A及びBの改正法」, 「Aを改正し」, 「2023年に改正されたA」. The act must
   * amend every statute of the chain (A, B); with a year, it must be promulgated in that year;
   * without one, it must be the only such act promulgated in the three years before the report.
   */
  private Optional<Found> amendment(
      String text, List<AliasIndex.Hit<String>> hits, int k, LocalDate reportDate) {
    AliasIndex.Hit<String> hit = hits.get(k);
    if (hit.value().isEmpty()) {
      return Optional.empty();
    }
    String before = text.substring(0, hit.start());
    Optional<Integer> year = Optional.empty();
    Matcher y = YEAR_AMENDED_BEFORE.matcher(TextFold.fold(before));
    int start = hit.start();
    if (y.find()) {
      // The year may be Western or an era year (2023年, 令和5年): the date normaliser reads both.
      List<TimeExpression> dates = DateNormalizer.find(y.group(1));
      for (TimeExpression t : dates) {
        if (t.value().isPresent() && t.bounds().isPresent()) {
          year = Optional.of(t.bounds().get().first().getYear());
        }
      }
      start = y.start();
    }
    Set<String> chain = new LinkedHashSet<>();
    chain.add(hit.value());
    int end = hit.end();
    // A chain of statutes joined by 及び/・/、: only the last one carries the 改正 word.
    if (year.isEmpty()) {
      int j = k;
      while (j + 1 < hits.size()) {
        AliasIndex.Hit<String> next = hits.get(j + 1);
        String between = text.substring(hits.get(j).end(), next.start());
        if (!JOINER.matcher(between).matches() || next.value().isEmpty()) {
          break;
        }
        chain.add(next.value());
        j++;
      }
      if (j != k) {
        return Optional.empty(); // handled when the scan reaches the chain's last name
      }
      int i = k;
      while (i > 0) {
        AliasIndex.Hit<String> prev = hits.get(i - 1);
        String between = text.substring(prev.end(), hits.get(i).start());
        if (!JOINER.matcher(between).matches() || prev.value().isEmpty()) {
          break;
        }
        chain.add(prev.value());
        start = prev.start();
        i--;
      }
      Matcher after = AMEND_AFTER.matcher(text.substring(end));
      if (!after.find()) {
        return Optional.empty();
      }
      end += after.end();
    }
    List<Statute> candidates = new ArrayList<>();
    for (Statute act : amendingActs) {
      if (!act.amends().containsAll(chain) || act.promulgated().isEmpty()) {
        continue;
      }
      LocalDate p = act.promulgated().get();
      if (year.isPresent()
          ? p.getYear() == year.get()
          : !p.isAfter(reportDate) && p.isAfter(reportDate.minusYears(3))) {
        candidates.add(act);
      }
    }
    if (candidates.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(
        new Found(
            start,
            end,
            text.substring(start, end),
            candidates.get(0).id(),
            Optional.empty(),
            How.AMENDMENT));
  }

  private boolean isForeign(String text, int start) {
    String before = text.substring(0, start);
    for (String marker : foreignMarkers) {
      if (before.endsWith(marker)) {
        return true;
      }
    }
    if (before.endsWith("の")) {
      String stem = before.substring(0, before.length() - 1);
      for (AliasIndex.Hit<String> h : countries.find(stem)) {
        if (h.end() == stem.length()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Law-like words (…法) not covered by a found statute and not generic: reported, not linked. */
  private void unresolved(String text, List<Found> found, List<NotLinked> notLinked) {
    if (text.indexOf('法') < 0) {
      return; // no law-like word without 法: the scan below finds nothing
    }
    Matcher m = LAW_LIKE.matcher(text);
    while (m.find()) {
      int s = m.start();
      int e = m.end();
      String word = m.group();
      // Trim a leading 同 or particle-like kanji run that belongs to the sentence, not the name.
      if (covered(s, e, found, notLinked) || NOT_LAWS.contains(word) || isGeneric(word)) {
        continue;
      }
      if (word.length() <= 2 || endsWithNotLaw(word)) {
        continue;
      }
      notLinked.add(new NotLinked(s, e, word, false));
    }
  }

  private boolean isGeneric(String word) {
    for (String g : generic) {
      if (word.endsWith(g)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithNotLaw(String word) {
    for (String n : NOT_LAWS) {
      if (n.length() >= 2
          && word.endsWith(n)
          && !n.equals("刑法")
          && !n.equals("民法")
          && !n.equals("商法")) {
        return true;
      }
    }
    return false;
  }

  private static boolean covered(int s, int e, List<Found> found, List<NotLinked> notLinked) {
    for (Found f : found) {
      if (f.start() < e && s < f.end()) {
        return true;
      }
    }
    for (NotLinked n : notLinked) {
      if (n.start() < e && s < n.end()) {
        return true;
      }
    }
    return false;
  }

  /** An article number as used in IRIs: 13, or 30-4 for 第30条の4 (kanji numerals converted). */
  static String articleNumber(String main, String branch) {
    String n = String.valueOf(Numerals.parse(main));
    return branch == null ? n : n + "-" + Numerals.parse(branch);
  }
}
