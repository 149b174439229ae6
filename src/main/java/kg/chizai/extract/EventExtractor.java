package kg.chizai.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.base.Problem;
import kg.chizai.extract.time.DateNormalizer;
import kg.chizai.extract.time.StatusClassifier;
import kg.chizai.extract.time.TimeContext;
import kg.chizai.extract.time.TimeExpression;
import kg.chizai.extract.time.TimeValue;
import kg.chizai.model.Attribution;
import kg.chizai.model.Event;
import kg.chizai.model.Events;
import kg.chizai.model.Mention;
import kg.chizai.model.Mentions;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.model.Status;
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

  private EventExtractor() {}

  public static Events extract(Report report, SourceText src, Attribution who, Mentions mentions) {
    List<Event> events = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    Map<String, Set<Status>> status = new LinkedHashMap<>();
    TimeContext reportContext =
        report.issued().map(TimeContext::forReport).orElseGet(TimeContext::withoutReport);
    for (ProgressEntry e : report.entries()) {
      String text = e.text();
      Set<Status> s = StatusClassifier.statuses(text);
      status.put(e.id(), s.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(s));
      List<TimeExpression> times = DateNormalizer.find(text, reportContext.fresh());
      for (TimeExpression t : times) {
        // A date that could not be read is worth a warning; doubts about one that was read are not.
        if (t.value().isEmpty() && !t.warnings().isEmpty()) {
          warnings.add(
              Problem.warning(
                  report.file(),
                  line(src, e, t.surface()),
                  "date " + t.surface() + " not understood: " + String.join("; ", t.warnings())));
        }
      }
      List<Located> named = located(text, "entry:" + e.id(), mentions);
      List<String> agents = who.bodiesByEntry().getOrDefault(e.id(), List.of());
      Matcher v = VERB.matcher(text);
      int ordinal = 0;
      while (v.find()) {
        Optional<TimeExpression> time = dateOf(text, v.start(), v.end(), times);
        Optional<Mention> object = object(text, v.start(), v.end(), named, times);
        int from = time.map(TimeExpression::start).orElse(v.start());
        String surface = text.substring(Math.min(from, v.start()), v.end());
        String type = VERBS.get(v.group(1));
        List<TimeValue.Point> points = points(time);
        if (points.isEmpty()) {
          events.add(
              event(
                  e,
                  ++ordinal,
                  type,
                  v.group(1),
                  Optional.empty(),
                  time,
                  object,
                  agents,
                  surface,
                  src));
        }
        for (TimeValue.Point p : points) {
          events.add(
              event(
                  e,
                  ++ordinal,
                  type,
                  v.group(1),
                  Optional.of(p),
                  time,
                  object,
                  agents,
                  surface,
                  src));
        }
      }
    }
    return new Events(events, status, warnings);
  }

  private static Event event(
      ProgressEntry e,
      int ordinal,
      String type,
      String verb,
      Optional<TimeValue.Point> point,
      Optional<TimeExpression> time,
      Optional<Mention> object,
      List<String> agents,
      String surface,
      SourceText src) {
    Optional<Event.DateValue> date = Optional.empty();
    Optional<Integer> fiscal = Optional.empty();
    if (point.isPresent()) {
      TimeValue.Point p = point.get();
      if (p instanceof TimeValue.FiscalYear fy) {
        fiscal = Optional.of(fy.year());
      } else {
        String xsd =
            p instanceof TimeValue.CalendarDate
                ? "date"
                : p instanceof TimeValue.CalendarMonth ? "gYearMonth" : "gYear";
        date = Optional.of(new Event.DateValue(p.lexicalForm(), xsd));
      }
    }
    return new Event(
        e.id(),
        ordinal,
        type,
        verb,
        date,
        fiscal,
        time.map(TimeExpression::relative).orElse(false),
        time.flatMap(TimeExpression::qualifier).map(Enum::name),
        object,
        agents,
        surface,
        line(src, e, surface));
  }

  /**
   * The date of the verb at {@code verb}: the last event date before it in its clause; if its
   * clause has none, in the clauses before it in the same sentence, up to one that has an event
   * verb of its own (「令和7年8月に…との共催で、「…」を開催」 is dated, 「…をとりまとめた後、…を作成し」 is not).
   */
  private static Optional<TimeExpression> dateOf(
      String text, int verb, int verbEnd, List<TimeExpression> times) {
    // 「…の調査（2025年11月）」: a date in parentheses right after the verb dates it.
    if (verbEnd < text.length() && (text.charAt(verbEnd) == '（' || text.charAt(verbEnd) == '(')) {
      for (TimeExpression t : times) {
        if (t.start() == verbEnd + 1 && t.isEventDate()) {
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
      if (VERB.matcher(text.substring(previous, end)).find()) {
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

  /** Where each statute and named thing of the item stands in its text. */
  private static List<Located> located(String text, String item, Mentions mentions) {
    List<Located> out = new ArrayList<>();
    for (Mention m : mentions.occurrences()) {
      if (!m.item().equals(item)
          || (m.kind() != Mention.Kind.STATUTE && m.kind() != Mention.Kind.THING)) {
        continue;
      }
      if (m.article().isPresent()) {
        continue;
      }
      int at = text.indexOf(m.surface());
      while (at >= 0) {
        out.add(new Located(at, at + m.surface().length(), m));
        at = text.indexOf(m.surface(), at + 1);
      }
    }
    out.sort((a, b) -> Integer.compare(a.end(), b.end()));
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
    if (text.substring(sentence).matches("(?s)^(?:本|同|当該)[^、。を]{1,12}(?:は|を).*")) {
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
    String g = gap.toString().replaceFirst("^\\s*[（(][^）)]*[）)]", "");
    if (!(g.startsWith("を") || g.startsWith("等を") || g.startsWith("は"))) {
      return false;
    }
    g = g.replaceFirst("^(?:等)?[をは]", "");
    // A short word fused to the verb is part of it: オンライン開催, 新規公開, 一部改正.
    g = g.replaceFirst("[\\p{IsHan}\\p{IsKatakana}ー]{1,6}$", "");
    return GAP_WORDS.matcher(g).replaceAll("").isEmpty();
  }

  private static int clauseStart(String text, int at) {
    int start = 0;
    for (char c : new char[] {'。', '、', '\n', '，'}) {
      start = Math.max(start, text.lastIndexOf(c, at - 1) + 1);
    }
    return start;
  }

  private static int line(SourceText src, ProgressEntry e, String surface) {
    String probe = surface.length() > 10 ? surface.substring(surface.length() - 10) : surface;
    for (int n = e.span().lineStart(); n <= e.span().lineEnd() && n <= src.lineCount(); n++) {
      if (src.line(n).contains(probe)) {
        return n;
      }
    }
    return e.span().lineStart();
  }
}
