package kg.chizai.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.base.Problem;
import kg.chizai.extract.time.DateNormalizer;
import kg.chizai.extract.time.DayRange;
import kg.chizai.extract.time.Kind;
import kg.chizai.extract.time.Qualifier;
import kg.chizai.extract.time.StatusClassifier;
import kg.chizai.extract.time.TimeContext;
import kg.chizai.extract.time.TimeExpression;
import kg.chizai.extract.time.TimeValue;
import kg.chizai.model.Attribution;
import kg.chizai.model.Direction;
import kg.chizai.model.EntryItem;
import kg.chizai.model.Event;
import kg.chizai.model.Events;
import kg.chizai.model.Mention;
import kg.chizai.model.Mentions;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.model.Section;
import kg.chizai.model.SourceSpan;
import kg.chizai.model.StatedTime;
import kg.chizai.model.Status;
import kg.chizai.model.TextPosition;
import kg.chizai.source.SourceText;

/**
 * Dated events and the status of each progress entry.
 *
 * <pre>{@code Events ev = EventExtractor.extract(report, source, attribution, mentions);}</pre>
 *
 * <p>An event is a verb of the event-type scheme used as a verb (公表した, 策定し, 施行となる, 開催予定), not as a
 * noun (調査結果, 施行後). Its date is the last event date stated before the verb in the same clause
 * (clauses end at 、 and 。), so 「令和7年6月に公布、同年9月に施行」 is two events, promulgated 2025-06 and in force
 * 2025-09. Its object is the last statute or named thing before the verb in the same sentence, when
 * nothing but its own を, dates and other such verbs stand between them.
 */
public final class EventExtractor {

  /** Verbs and the event type each one makes (codes of the event-type scheme). */
  static final Map<String, String> VERBS = new LinkedHashMap<>();

  static {
    VERBS.put("公表", "publication");
    VERBS.put("公開", "publication");
    VERBS.put("策定", "formulation");
    VERBS.put("作成", "creation");
    VERBS.put("取りまとめ", "compilation");
    VERBS.put("とりまとめ", "compilation");
    VERBS.put("改訂", "revision");
    VERBS.put("改定", "revision");
    VERBS.put("改正", "revision");
    VERBS.put("更新", "update");
    VERBS.put("公布", "promulgation");
    VERBS.put("施行", "entry-into-force");
    VERBS.put("開催", "holding");
    VERBS.put("開始", "start");
    VERBS.put("設置", "establishment");
    VERBS.put("発足", "establishment");
    VERBS.put("新設", "establishment");
    VERBS.put("開設", "establishment");
    VERBS.put("創設", "establishment");
    VERBS.put("構築", "construction");
    VERBS.put("調査", "survey");
    VERBS.put("選定", "selection");
    VERBS.put("交付", "grant");
  }

  private static final Pattern VERB =
      Pattern.compile(
          "("
              + String.join("|", VERBS.keySet())
              + ")(?=し|する|され|さ|た|て|を行|を実施|を進め|予定|中[。、]|と(?:なる|なった)|。|、|（|$|・(?:"
              + String.join("|", VERBS.keySet())
              + ")|・\\p{IsHan}{2}(?:し|する|を行|。|、))");

  private static final Pattern GAP_PAREN = Pattern.compile("^\\s*[（(][^）)]*[）)]");
  private static final Pattern GAP_PARTICLE = Pattern.compile("^(?:等)?[をは]");
  private static final Pattern GAP_FUSED = Pattern.compile("[\\p{IsHan}\\p{IsKatakana}ー]{1,6}$");
  private static final Pattern SAME_THING = Pattern.compile("(?s)^(?:本|同|当該)[^、。を]{1,12}(?:は|を).*");

  private EventExtractor() {}

  /** An item whose text is read: a lead statement, a direction or a progress entry. */
  private record Item(
      String key, String text, SourceSpan span, List<String> agents, List<EntryItem> subItems) {}

  public static Events extract(Report report, SourceText src, Attribution who, Mentions mentions) {
    List<Event> events = new ArrayList<>();
    List<StatedTime> stated = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    Map<String, Set<Status>> status = new LinkedHashMap<>();
    TimeContext reportContext =
        report.issued().map(TimeContext::forReport).orElseGet(TimeContext::withoutReport);
    Map<String, List<Located>> named = located(mentions);
    for (Item item : items(report, who)) {
      String text = item.text();
      if (item.key().startsWith("entry:")) {
        Set<Status> s = StatusClassifier.statuses(text, report.issued());
        status.put(
            item.key().substring("entry:".length()),
            s.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(s));
      }
      List<TimeExpression> times = DateNormalizer.find(text, reportContext.fresh());
      ItemPositions positions = new ItemPositions(src, item.span(), text);
      for (TimeExpression t : times) {
        // A date that could not be read is worth a warning; doubts about one that was read are not.
        if (t.value().isEmpty() && !t.warnings().isEmpty()) {
          warnings.add(
              Problem.warning(
                  report.file(),
                  positions
                      .at(t.start(), t.end())
                      .map(TextPosition::lineStart)
                      .orElse(item.span().lineStart()),
                  "date " + t.surface() + " not understood: " + String.join("; ", t.warnings())));
        }
      }
      List<Located> things =
          named.getOrDefault(item.key(), List.of()).stream()
              .flatMap(l -> occurrences(text, l.mention()).stream())
              .sorted((a, b) -> Integer.compare(a.end(), b.end()))
              .toList();
      Map<TimeExpression, List<Integer>> dated = new IdentityHashMap<>();
      List<Event> found = new ArrayList<>();
      boolean entry = item.key().startsWith("entry:");
      // A verb beyond the core scheme makes an event only with a date in its sentence (see dateOf):
      // only the sentences where a date ends, or opens right after a verb, are tokenized.
      List<ActionVerbs.Verb> actions =
          ActionVerbs.findInSentences(
              text,
              times.stream()
                  .filter(TimeExpression::isEventDate)
                  .flatMapToInt(t -> java.util.stream.IntStream.of(t.start() - 1, t.end() - 1))
                  .toArray());
      List<int[]> coreSpans = new ArrayList<>();
      List<MatchResult> coreVerbs = new ArrayList<>();
      Matcher m = VERB.matcher(text);
      while (m.find()) {
        coreSpans.add(new int[] {m.start(), m.end()});
        coreVerbs.add(m.toMatchResult());
      }
      List<int[]> verbSpans = new ArrayList<>(coreSpans);
      actions.forEach(a -> verbSpans.add(new int[] {a.start(), a.end()}));
      for (MatchResult v : coreVerbs) {
        Optional<TimeExpression> time =
            dateOf(text, v.start(), v.end(), times, EventExtractor::coreVerbIn);
        if (!entry && points(time).isEmpty()) {
          continue; // directions and lead statements state plans: only dated events
        }
        String verb = v.group(1);
        String type = VERBS.get(verb);
        if (verb.equals("開始") && text.startsWith("運用", v.start() - 2)) {
          type = "operation-start";
        }
        addEvents(item, found, dated, type, verb, v.start(), v.end(), time, things, times, src);
      }
      for (ActionVerbs.Verb a : actions) {
        if (overlaps(a, coreSpans)) {
          continue;
        }
        Optional<TimeExpression> time =
            dateOf(text, a.start(), a.end(), times, EventExtractor::coreVerbIn)
                .filter(t -> TimeRoles.canDateVerb(t, text))
                .filter(t -> t.kind() != Kind.AS_OF)
                .filter(t -> !(a.modifier() && TimeRoles.isTopic(t, text)))
                .filter(t -> !verbBetween(text, t.end(), a.start(), verbSpans));
        if (points(time).isEmpty()) {
          continue; // a verb beyond the core scheme makes an event only with a date
        }
        String type = VERBS.getOrDefault(a.lemma(), a.type());
        addEvents(
            item, found, dated, type, a.lemma(), a.start(), a.end(), time, things, times, src);
      }
      events.addAll(found);
      stated.addAll(statedTimes(report, item, text, times, dated, positions, warnings));
    }
    return new Events(events, stated, status, warnings);
  }

  /** Lead statements, directions and progress entries, in that order. */
  private static List<Item> items(Report report, Attribution who) {
    List<Item> items = new ArrayList<>();
    for (Section s : report.sections()) {
      s.lead()
          .ifPresent(
              l ->
                  items.add(new Item("lead:" + s.key(), l.text(), l.span(), List.of(), List.of())));
    }
    for (Direction d : report.directions()) {
      items.add(new Item("direction:" + d.id(), d.text(), d.span(), List.of(), List.of()));
    }
    for (ProgressEntry e : report.entries()) {
      items.add(
          new Item(
              "entry:" + e.id(),
              e.text(),
              e.span(),
              who.bodiesByEntry().getOrDefault(e.id(), List.of()),
              e.items()));
    }
    return items;
  }

  /**
   * Whether a verb stands between a date and a later verb (「2023年に改正された著作権法に基づく…準備を行う」: the date is
   * the amendment's, not the preparation's); a verb joined to it by ・ does not count.
   */
  private static boolean verbBetween(String text, int from, int verb, List<int[]> spans) {
    for (int[] s : spans) {
      if (s[0] >= from && s[0] < verb && !text.substring(s[1], verb).equals("・")) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(ActionVerbs.Verb a, List<int[]> spans) {
    for (int[] s : spans) {
      if (a.start() < s[1] && s[0] < a.end()) {
        return true;
      }
    }
    return false;
  }

  /** One event per point of the verb's date (or one undated event), added to {@code found}. */
  private static void addEvents(
      Item item,
      List<Event> found,
      Map<TimeExpression, List<Integer>> dated,
      String type,
      String verb,
      int verbStart,
      int verbEnd,
      Optional<TimeExpression> time,
      List<Located> things,
      List<TimeExpression> times,
      SourceText src) {
    String text = item.text();
    Optional<Mention> object = object(text, verbStart, verbEnd, things, times);
    int from = time.map(TimeExpression::start).orElse(verbStart);
    String surface = text.substring(Math.min(from, verbStart), verbEnd);
    List<TimeValue.Point> points = points(time);
    List<Optional<TimeValue.Point>> each = new ArrayList<>();
    if (points.isEmpty()) {
      each.add(Optional.empty());
    }
    points.forEach(p -> each.add(Optional.of(p)));
    for (Optional<TimeValue.Point> p : each) {
      int ordinal = found.size() + 1;
      found.add(event(item, ordinal, type, verb, p, time, object, surface, src));
      if (p.isPresent()) {
        dated.computeIfAbsent(time.get(), k -> new ArrayList<>()).add(ordinal);
      }
    }
  }

  /**
   * The stated times of an item: every time expression with a value that is not part of a name. A
   * year that opens an unquoted name (令和6年度クリエイター・事業者支援事業費補助金, 令和7年犯罪収益移転危険度調査書) is stated: it is
   * the year of that budget programme or the year the document covers.
   */
  private static List<StatedTime> statedTimes(
      Report report,
      Item item,
      String text,
      List<TimeExpression> times,
      Map<TimeExpression, List<Integer>> dated,
      ItemPositions positions,
      List<Problem> warnings) {
    boolean[] quoted = DateNormalizer.insideQuotes(text);
    List<StatedTime> out = new ArrayList<>();
    int subItemsStart =
        text.length()
            - String.join("\n", item.subItems().stream().map(EntryItem::text).toList()).length();
    for (TimeExpression t : times) {
      if (t.value().isEmpty()) {
        continue;
      }
      boolean namePrefix = false;
      if (t.partOfName()) {
        if (quoted[t.start()] || !t.surface().contains("年") || isEdition(text, t)) {
          continue;
        }
        namePrefix = true;
      }
      Optional<TextPosition> at = positions.at(t.start(), t.end());
      if (at.isEmpty()) {
        warnings.add(
            Problem.warning(
                report.file(),
                item.span().lineStart(),
                "date "
                    + t.surface()
                    + " not found in the source lines of its item; not recorded"));
        continue;
      }
      List<Integer> events = dated.getOrDefault(t, List.of());
      List<Event.DateValue> dates = new ArrayList<>();
      List<Integer> fiscal = new ArrayList<>();
      for (TimeValue.Point p : t.value().get().points()) {
        if (p instanceof TimeValue.FiscalYear fy) {
          fiscal.add(fy.year());
        } else {
          dates.add(dateValue(p));
        }
      }
      Optional<DayRange> bounds = t.bounds();
      out.add(
          new StatedTime(
              item.key(),
              out.size() + 1,
              subItems(item, subItemsStart, t),
              t.surface(),
              dates,
              fiscal,
              bounds.map(DayRange::first),
              bounds.map(DayRange::last),
              TimeRoles.of(t, text, !events.isEmpty(), namePrefix),
              t.relative(),
              t.qualifier().map(Qualifier::code),
              t.approximate(),
              events,
              at.get()));
    }
    return out;
  }

  /** 白書2025年版: a year that names an edition is part of the name. */
  private static boolean isEdition(String text, TimeExpression t) {
    return t.end() < text.length() && text.charAt(t.end()) == '版';
  }

  /** The ordinals of the entry's sub-items that {@code t} stands in. */
  private static List<Integer> subItems(Item item, int start, TimeExpression t) {
    List<Integer> out = new ArrayList<>();
    int at = start;
    for (EntryItem sub : item.subItems()) {
      int end = at + sub.text().length();
      if (t.start() < end && at < t.end()) {
        out.add(sub.ordinal());
      }
      at = end + 1;
    }
    return out;
  }

  private static Event.DateValue dateValue(TimeValue.Point p) {
    String xsd =
        p instanceof TimeValue.CalendarDate
            ? "date"
            : p instanceof TimeValue.CalendarMonth ? "gYearMonth" : "gYear";
    return new Event.DateValue(p.lexicalForm(), xsd);
  }

  private static Event event(
      Item item,
      int ordinal,
      String type,
      String verb,
      Optional<TimeValue.Point> point,
      Optional<TimeExpression> time,
      Optional<Mention> object,
      String surface,
      SourceText src) {
    Optional<Event.DateValue> date = Optional.empty();
    Optional<Integer> fiscal = Optional.empty();
    if (point.isPresent()) {
      if (point.get() instanceof TimeValue.FiscalYear fy) {
        fiscal = Optional.of(fy.year());
      } else {
        date = Optional.of(dateValue(point.get()));
      }
    }
    return new Event(
        item.key(),
        ordinal,
        type,
        verb,
        date,
        fiscal,
        time.map(TimeExpression::relative).orElse(false),
        time.flatMap(TimeExpression::qualifier).map(Qualifier::code),
        object,
        item.agents(),
        surface,
        line(src, item.span(), surface));
  }

  /**
   * The date of the verb at {@code verb}: the last event date before it in its clause; if its
   * clause has none, in the clauses before it in the same sentence, up to one that has an event
   * verb of its own (「令和7年8月に…との共催で、「…」を開催」 is dated, 「…をとりまとめた後、…を作成し」 is not).
   */
  private static Optional<TimeExpression> dateOf(
      String text,
      int verb,
      int verbEnd,
      List<TimeExpression> times,
      BiPredicate<String, int[]> hasVerb) {
    // 「…の調査（2025年11月）」: a date in parentheses right after the verb dates it.
    // 「…を実施した（3月）」: also after the verb's ending.
    int open = verbEnd;
    while (open < text.length() && open < verbEnd + 3 && isHiragana(text.charAt(open))) {
      open++;
    }
    if (open < text.length() && (text.charAt(open) == '（' || text.charAt(open) == '(')) {
      for (TimeExpression t : times) {
        if (t.start() == open + 1 && t.isEventDate()) {
          return Optional.of(t);
        }
      }
    }
    int sentence = Math.max(text.lastIndexOf('。', verb - 1), text.lastIndexOf('\n', verb - 1)) + 1;
    int end = verb;
    while (true) {
      int start = Math.max(clauseStart(text, end), sentence);
      Optional<TimeExpression> found = Optional.empty();
      for (TimeExpression t : times) {
        // A date ending in the clause counts even if it began before (2025年3月、6月及び10月に開催).
        if (t.end() > start && t.end() <= end && t.isEventDate()) {
          found = Optional.of(t);
        }
      }
      if (found.isPresent()) {
        return found;
      }
      if (start <= sentence) {
        return Optional.empty();
      }
      end = start - 1; // the clause before, which must not have an event of its own
      int previous = Math.max(clauseStart(text, end), sentence);
      if (hasVerb.test(text, new int[] {previous, end})) {
        return Optional.empty();
      }
    }
  }

  /**
   * The points of a time expression that can date an event (not deadlines: 2033年までに is a target).
   */
  private static List<TimeValue.Point> points(Optional<TimeExpression> time) {
    if (time.isEmpty() || time.get().value().isEmpty()) {
      return List.of();
    }
    TimeValue v = time.get().value().get();
    if (v instanceof TimeValue.Point p) {
      return List.of(p);
    }
    if (v instanceof TimeValue.Several s) {
      return s.points();
    }
    if (v instanceof TimeValue.Since s) {
      return List.of(s.start());
    }
    if (v instanceof TimeValue.AsOf a) {
      return List.of(a.at());
    }
    return List.of();
  }

  private record Located(int start, int end, Mention mention) {}

  /** Whether {@code text[range[0], range[1])} has a verb of the core scheme. */
  private static boolean coreVerbIn(String text, int[] range) {
    Matcher m = VERB.matcher(text);
    m.region(range[0], range[1]);
    return m.find();
  }

  /** The statutes and named things of each item (not articles), by item key. */
  private static Map<String, List<Located>> located(Mentions mentions) {
    Map<String, List<Located>> out = new HashMap<>();
    for (Mention m : mentions.occurrences()) {
      if ((m.kind() == Mention.Kind.STATUTE || m.kind() == Mention.Kind.THING)
          && m.article().isEmpty()) {
        out.computeIfAbsent(m.item(), k -> new ArrayList<>()).add(new Located(0, 0, m));
      }
    }
    return out;
  }

  /** Where {@code m} stands in {@code text}: every occurrence of its surface. */
  private static List<Located> occurrences(String text, Mention m) {
    List<Located> out = new ArrayList<>();
    int at = text.indexOf(m.surface());
    while (at >= 0) {
      out.add(new Located(at, at + m.surface().length(), m));
      at = text.indexOf(m.surface(), at + 1);
    }
    return out;
  }

  /**
   * The object of a verb: a named thing right after it in a relative clause (「…に施行された取適法」,
   * 「策定・公表した「AI事業者ガイドライン」」), else the last named thing before it in its sentence when nothing but
   * its own を (or は), dates, commas and other event verbs stand between them
   * (「…法律を令和7年6月に公布、同年9月に施行」: both verbs have the statute as object).
   */
  private static Optional<Mention> object(
      String text, int verb, int verbEnd, List<Located> named, List<TimeExpression> times) {
    String after = text.substring(verbEnd);
    Matcher rel = RELATIVE.matcher(after);
    if (rel.find()) {
      int at = verbEnd + rel.end();
      for (Located l : named) {
        if (l.start() == at) {
          return Optional.of(l.mention());
        }
      }
    }
    int sentence = Math.max(text.lastIndexOf('。', verb - 1), text.lastIndexOf('\n', verb - 1)) + 1;
    Optional<Mention> best = Optional.empty();
    // 「本ガイドラインは…更新」: a sentence that opens with 本/同/当該 speaks of the last thing named before it.
    if (SAME_THING.matcher(text.substring(sentence)).matches()) {
      for (Located l : named) {
        if (l.end() <= sentence && l.mention().kind() == Mention.Kind.THING) {
          best = Optional.of(l.mention());
        }
      }
    }
    for (Located l : named) {
      if (l.start() >= sentence
          && l.end() <= verb
          && onlyDatesAndVerbs(text, l.end(), verb, times)) {
        best = Optional.of(l.mention());
      }
    }
    return best;
  }

  private static final Pattern RELATIVE =
      Pattern.compile("^(?:・[\\p{IsHan}]{2})?(?:した|された|する|される|している|となる|となった)");
  private static final Pattern GAP_WORDS =
      Pattern.compile("(?:" + String.join("|", VERBS.keySet()) + ")(?:し|・|、)?|及び|並びに|[にでて、・\\s]");

  /** Whether the text between a name and a verb is 「を」 + dates, commas and event verbs only. */
  private static boolean onlyDatesAndVerbs(
      String text, int from, int to, List<TimeExpression> times) {
    StringBuilder gap = new StringBuilder(text.substring(from, to));
    for (TimeExpression t : times) {
      if (t.start() >= from && t.end() <= to) {
        for (int k = t.start() - from; k < t.end() - from; k++) {
          gap.setCharAt(k, ' ');
        }
      }
    }
    String g = GAP_PAREN.matcher(gap.toString()).replaceFirst("");
    if (!(g.startsWith("を") || g.startsWith("等を") || g.startsWith("は"))) {
      return false;
    }
    g = GAP_PARTICLE.matcher(g).replaceFirst("");
    // A short word fused to the verb is part of it: オンライン開催, 新規公開, 一部改正.
    g = GAP_FUSED.matcher(g).replaceFirst("");
    return GAP_WORDS.matcher(g).replaceAll("").isEmpty();
  }

  private static boolean isHiragana(char c) {
    return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA;
  }

  private static int clauseStart(String text, int at) {
    int start = 0;
    for (char c : new char[] {'。', '、', '\n', '，'}) {
      start = Math.max(start, text.lastIndexOf(c, at - 1) + 1);
    }
    return start;
  }

  private static int line(SourceText src, SourceSpan span, String surface) {
    String probe = surface.length() > 10 ? surface.substring(surface.length() - 10) : surface;
    for (int n = span.lineStart(); n <= span.lineEnd() && n <= src.lineCount(); n++) {
      if (src.line(n).contains(probe)) {
        return n;
      }
    }
    return span.lineStart();
  }
}
