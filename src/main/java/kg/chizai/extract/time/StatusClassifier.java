package kg.chizai.extract.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.extract.text.TextFold;
import kg.chizai.model.Status;

/**
 * Reads the status of a progress entry from the endings of its clauses.
 *
 * <pre>{@code
 * StatusClassifier.statuses("指針を公表した。制度の導入に向けた検討を進めている。");
 * // {DONE, ONGOING, CONSIDERING}
 * }</pre>
 *
 * <p><b>Clauses.</b> A text is cut into sentences at 。 ． ！ ？ and line breaks, and a sentence into
 * clauses after a connective that closes a clause: a verb + とともに, a verb + ほか/他、, 〜た上で、, 〜た後、,
 * 〜一方、, 〜ており、, 〜ていて、, 〜であり、, 〜が、 after a verb, a Sino-Japanese verb's continuative 〜し、 (実施し、, 作成し、;
 * not に関し、), and before 、また、 / 、さらに、. A noun + とともに (関係省庁等とともに) does not cut. A continuative clause
 * has no tense of its own: it shares the tense of the clause after it, unless the time it states
 * (or the future time that opens the next clause) says otherwise, see {@link #statuses(String,
 * Optional)}. Leading bullets and 【…】 tags are not part of a clause.
 *
 * <p><b>Endings</b>, read after dropping trailing brackets （…） 【…】 and punctuation, then である/です and
 * ところ:
 *
 * <ul>
 *   <li>planned: 予定, 見込み, 方針, こととする/こととした/こととしている, 目指す/目指している, 〜ていく/〜でいく;
 *   <li>ongoing: 〜ている/〜ており/〜でいる/〜ています/〜つつある, and a Sino-Japanese noun + 中 (実施中, 検証中, 継続中). A
 *       progressive that runs from a month or a day (+ に or 付で) to its ending with no comma or など
 *       between states a result and is done (2026年3月に1.2版として更新しており); with a comma the date belongs
 *       to an earlier verb (令和8年1月に改正し、その内容周知を進めている: ongoing);
 *   <li>done: 〜た/〜だ (行った, 取り組んだ, したところ, ていた), 済み, 完了, 終了;
 *   <li>a plain non-past verb (〜する, 〜を行う, 〜を図る): planned, except verbs of continuing effort (推進する,
 *       継続する, 促進する, 進める, 努める, 取り組む, 続ける), which are ongoing;
 *   <li>a telegraphic noun ending (…を実施。, …を公表。, …を開催（6月）。): done, except 推進, 継続, 促進, 加速, 運用
 *       (ongoing) and 検討, 議論 (considering only). A noun + である is a description, not telegraphic: no
 *       status (…蓄積されていない分野であり、).
 * </ul>
 *
 * <p>A plain verb before とともに or ほか, and a clause cut off at a continuative (〜し、また、), have no tense
 * of their own: they take the aspect of the clause after them (施行するとともに…策定した: done), or none if it
 * has none.
 *
 * <p><b>Markers</b> in the clause adjust the ending: 引き続き/引続き/継続して/継続的に add ongoing to a planned
 * ending (令和8年度も引き続き実施予定: ongoing and planned) and make a telegraphic one ongoing (引き続き実施。);
 * 今後/来年度/次年度/翌年度/将来的に add planned to a plain verb and make a telegraphic ending planned. 今後の and
 * 将来的な modify a noun and are not markers. A past ending is never changed.
 *
 * <p><b>Considering</b> is added, on top of the ending's aspect, when the clause's work is 検討 or
 * 議論: the noun ends the clause or is the object of a light verb (検討を進めている: considering and ongoing;
 * 議論を行った: considering and done; 検討する: considering and planned). 検討会 is a body and 議論に参加した is taking
 * part, not consideration.
 *
 * <p>An entry's status is the union of its clauses' ({@link #statuses}).
 */
public final class StatusClassifier {

  private static final Pattern SENTENCE_END = Pattern.compile("[。．！？!?\\n]");
  private static final Pattern CONNECTIVE =
      Pattern.compile(
          "(?<=[るうくすつぶむぐ])とともに、?"
              + "|(?<=[るたいだ])(?:ほか|他)、"
              + "|(?<=[るた])一方で?、"
              + "|(?<=た)(?:上で|うえで|後)、"
              + "|(?<=[てで])(?:おり|いて)、"
              + "|であり、"
              + "|(?<=[たるい])が、"
              + "|(?<=\\p{IsHan}{2}し)、"
              + "|、(?=また、|さらに、)");
  private static final Pattern INHERITING = Pattern.compile("とともに、?|ほか、|他、");
  private static final Pattern CONNECTIVE_WORD =
      Pattern.compile("(?:とともに|ほか|他|一方で?|上で|うえで|後|が|であり)$");
  private static final Pattern COPULA = Pattern.compile("(?:もの)?(?:である|です)$");
  private static final Pattern LEADING_MARKS =
      Pattern.compile("^(?:[\\s\\-・□❑❒■◆◇○●◎▪•*]+|【[^】]*】)+");

  private static final Pattern PROSPECTIVE =
      Pattern.compile(
          "(?:予定|見込み|見込|方針|こととしている|こととした|こととする|ことにしている|ことにした"
              + "|目指す|目指している|目指します|ていく|でいく|ていきたい|ていきます|てまいる|てまいりたい)$");
  private static final Pattern PROGRESSIVE =
      Pattern.compile("(?:ている|でいる|ています|でいます|ておる|でおる|ており|でおり|ていて|つつある|\\p{IsHan}中)$");
  private static final Pattern PAST = Pattern.compile("(?:た|だ|済み|済|完了|終了)$");
  private static final Pattern DICTIONARY = Pattern.compile("(?:[うくすつぬぶむるぐ]|ます)$");
  private static final Pattern CONTINUING_VERB =
      Pattern.compile("(?:推進する|継続する|促進する|進める|努める|取り組む|取組む|続ける)(?:ます)?$");
  private static final Pattern NOUN_END = Pattern.compile("[\\p{IsHan}\\p{IsKatakana}ーA-Za-z0-9]$");
  private static final Pattern CONTINUING_NOUN = Pattern.compile("(?:推進|継続|促進|加速|運用)$");
  private static final Pattern CONSIDERING_NOUN = Pattern.compile("(?:検討|議論)$");
  private static final Pattern CONSIDERATION =
      Pattern.compile(
          "(?:検討|議論)(?:等|など)?"
              + "(?:(?:を|に)(?:行|進|実施|継続|開始|重|深|続|着手|取り組|取組)[^\\p{IsHan}]*|[^\\p{IsHan}]*)"
              + "(?:予定|方針|見込み|中)?$");
  private static final Pattern CONTINUATION = Pattern.compile("引き続き|引続き|継続して|継続的に");
  // 今後の and 将来的な modify a noun (今後の対応の在り方): they do not put the clause in the future.
  private static final Pattern FUTURE = Pattern.compile("今後(?!の)|来年度|次年度|翌年度|将来的に");
  private static final Pattern CONTINUATIVE =
      Pattern.compile("(?:し|して|って|んで|いて|行い|努め|進め|図り|取り組み)$");
  private static final Pattern DATED_STRETCH = Pattern.compile("^(?:に|付で|付けで|付)、?[^、]*$");

  private StatusClassifier() {}

  /** The clauses of {@code text} in order, each with the statuses its ending gives. */
  public static List<ClauseStatus> classify(String text) {
    return classify(text, Optional.empty());
  }

  /**
   * The clauses of {@code text}, where a continuative clause (〜し、) may also take its tense from the
   * time it states against the report's date ({@code reportDate}): see {@link #statuses(String,
   * Optional)}.
   */
  public static List<ClauseStatus> classify(String text, Optional<YearMonth> reportDate) {
    String folded = TextFold.fold(text);
    List<ClauseStatus> out = new ArrayList<>();
    int sentenceStart = 0;
    Matcher end = SENTENCE_END.matcher(folded);
    while (true) {
      boolean found = end.find();
      int sentenceEnd = found ? end.start() : folded.length();
      out.addAll(sentence(text, folded, sentenceStart, sentenceEnd, reportDate));
      if (!found) {
        break;
      }
      sentenceStart = end.end();
    }
    return List.copyOf(out);
  }

  /** Every status any clause of {@code text} gives: the status of a whole progress entry. */
  public static Set<Status> statuses(String text) {
    return statuses(text, Optional.empty());
  }

  /**
   * The status of a progress entry of a report dated {@code reportDate}. A continuative clause
   * (令和7年度に実証を実施し、) that states a time wholly before the report's month is done, one wholly after
   * it is planned; one with no time of its own before a clause that opens with a future time
   * (ヒアリングを実施し、令和8年度にも調査を実施予定) is done, since the report tells what came before the plan. Any other
   * continuative clause shares the tense of the clause after it.
   */
  public static Set<Status> statuses(String text, Optional<YearMonth> reportDate) {
    EnumSet<Status> all = EnumSet.noneOf(Status.class);
    for (ClauseStatus c : classify(text, reportDate)) {
      all.addAll(c.statuses());
    }
    return ClauseStatus.immutable(all);
  }

  /** How a clause's ending was read. */
  private enum Form {
    PROSPECTIVE,
    PROGRESSIVE,
    PAST,
    DICTIONARY,
    CONTINUATIVE,
    NOUN,
    NONE
  }

  /** A clause being read: its span, the connective that closed it, and what its ending says. */
  private static final class Clause {
    final int start;
    final int end;
    final String connective;
    Form form = Form.NONE;
    EnumSet<Status> aspect = EnumSet.noneOf(Status.class);
    boolean considering;
    String cue = "";

    Clause(int start, int end, String connective) {
      this.start = start;
      this.end = end;
      this.connective = connective;
    }
  }

  private static List<ClauseStatus> sentence(
      String text, String folded, int from, int to, Optional<YearMonth> reportDate) {
    List<Clause> clauses = new ArrayList<>();
    Matcher c = CONNECTIVE.matcher(folded);
    c.region(from, to);
    c.useTransparentBounds(true);
    int start = from;
    while (c.find()) {
      addClause(clauses, folded, start, c.end(), c.group());
      start = c.end();
    }
    addClause(clauses, folded, start, to, "");
    for (Clause clause : clauses) {
      read(clause, folded.substring(clause.start, clause.end));
    }
    // A plain verb before とともに or ほか, and a continuative 〜し, take their tense from the
    // clause after them.
    for (int i = clauses.size() - 2; i >= 0; i--) {
      Clause clause = clauses.get(i);
      Clause next = clauses.get(i + 1);
      boolean tenseless =
          clause.form == Form.CONTINUATIVE
              || (clause.form == Form.DICTIONARY
                  && INHERITING.matcher(clause.connective).matches());
      if (tenseless) {
        Optional<Status> dated =
            clause.form == Form.CONTINUATIVE && reportDate.isPresent()
                ? datedContinuative(text, clause, next, reportDate.get())
                : Optional.empty();
        if (dated.isPresent()) {
          clause.aspect = EnumSet.of(dated.get());
          clause.cue += ", dated " + dated.get().name().toLowerCase(java.util.Locale.ROOT);
        } else {
          clause.aspect = EnumSet.copyOf(next.aspect);
          clause.cue +=
              next.aspect.isEmpty() ? ", main clause has no tense" : ", tense of the main clause";
        }
      }
    }
    List<ClauseStatus> out = new ArrayList<>();
    for (Clause clause : clauses) {
      EnumSet<Status> statuses = EnumSet.copyOf(clause.aspect);
      if (clause.considering) {
        statuses.add(Status.CONSIDERING);
      }
      out.add(
          new ClauseStatus(
              clause.start,
              clause.end,
              text.substring(clause.start, clause.end),
              statuses,
              clause.cue));
    }
    return out;
  }

  /**
   * Adds the clause in {@code [start, end)} without its leading bullets and tags, if anything is
   * left.
   */
  private static void addClause(
      List<Clause> clauses, String folded, int start, int end, String connective) {
    Matcher lead = LEADING_MARKS.matcher(folded);
    lead.region(start, end);
    if (lead.lookingAt()) {
      start = lead.end();
    }
    while (end > start && Character.isWhitespace(folded.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      clauses.add(new Clause(start, end, connective));
    }
  }

  /**
   * Longer than any match of the {@code …$} patterns above (their longest alternative, a final line
   * terminator) : a match of one ends at the end of the text, so it starts within this many chars.
   */
  private static final int ENDING_CHARS = 24;

  /**
   * {@code p.matcher(text).find()} for a pattern anchored at the end ({@code (…)$}, no lookbehind,
   * no match longer than {@link #ENDING_CHARS}), looking only at the end of the text: the same
   * answer without trying every position of a long clause.
   */
  private static boolean endsWith(Pattern p, String text) {
    Matcher m = p.matcher(text);
    m.region(Math.max(0, text.length() - ENDING_CHARS), text.length());
    return m.find();
  }

  private static void read(Clause clause, String raw) {
    String withCopula = ending(raw, clause.connective);
    String e = COPULA.matcher(withCopula).replaceFirst("");
    boolean copula = e.length() < withCopula.length() || clause.connective.startsWith("であり");
    if (e.endsWith("ところ")) {
      e = e.substring(0, e.length() - "ところ".length());
    }
    String tail = e.length() > 12 ? e.substring(e.length() - 12) : e;
    if (endsWith(PROSPECTIVE, e)) {
      clause.form = Form.PROSPECTIVE;
      clause.aspect.add(Status.PLANNED);
      clause.cue = "prospective: " + tail;
    } else if (endsWith(PROGRESSIVE, e)) {
      clause.form = Form.PROGRESSIVE;
      if (statesAResult(raw, e)) {
        clause.aspect.add(Status.DONE);
        clause.cue = "progressive with a date, a result: " + tail;
      } else {
        clause.aspect.add(Status.ONGOING);
        clause.cue = "progressive: " + tail;
      }
    } else if (endsWith(PAST, e)) {
      clause.form = Form.PAST;
      clause.aspect.add(Status.DONE);
      clause.cue = "past: " + tail;
    } else if (endsWith(CONTINUATIVE, e)) {
      clause.form = Form.CONTINUATIVE;
      clause.cue = "continuative: " + tail;
    } else if (endsWith(DICTIONARY, e)) {
      clause.form = Form.DICTIONARY;
      clause.aspect.add(endsWith(CONTINUING_VERB, e) ? Status.ONGOING : Status.PLANNED);
      clause.cue = "dictionary form: " + tail;
    } else if (copula) {
      clause.cue = "description (noun + である): " + tail;
    } else if (endsWith(NOUN_END, e)) {
      clause.form = Form.NOUN;
      String noun = e.replaceAll("(?:等|など)$", "");
      if (endsWith(CONTINUING_NOUN, noun)) {
        clause.aspect.add(Status.ONGOING);
      } else if (!endsWith(CONSIDERING_NOUN, noun)) {
        clause.aspect.add(Status.DONE);
      }
      clause.cue = "noun ending: " + tail;
    } else {
      clause.cue = "no ending read: " + tail;
    }
    adjust(clause, raw);
    clause.considering = CONSIDERATION.matcher(e).find();
    if (clause.considering) {
      clause.cue += ", work is consideration";
    }
  }

  /** Continuation and future markers. */
  private static void adjust(Clause clause, String raw) {
    boolean continuing = CONTINUATION.matcher(raw).find();
    boolean future = FUTURE.matcher(raw).find();
    switch (clause.form) {
      case PROSPECTIVE -> {
        if (continuing) {
          clause.aspect.add(Status.ONGOING);
        }
      }
      case DICTIONARY -> {
        if (continuing) {
          clause.aspect.add(Status.ONGOING);
          clause.aspect.add(Status.PLANNED);
        }
        if (future) {
          clause.aspect.add(Status.PLANNED);
        }
      }
      case NOUN -> {
        if (continuing || future) {
          clause.aspect.remove(Status.DONE);
          clause.aspect.add(continuing ? Status.ONGOING : Status.PLANNED);
          if (continuing && future) {
            clause.aspect.add(Status.PLANNED);
          }
        }
      }
      default -> {
        return;
      }
    }
    if (continuing) {
      clause.cue += ", continuing";
    }
    if (future) {
      clause.cue += ", future";
    }
  }

  /**
   * 2026年3月に1.2版として更新しており: a progressive whose clause runs from a month or day (+ に or 付で) to its
   * ending with no comma between reports a result. A comma or など in between means the date belongs
   * to an earlier verb (同年7月に公表するなど…取り組んでいる).
   */
  private static boolean statesAResult(String raw, String e) {
    if (e.endsWith("中")) {
      return false;
    }
    TimeExpression lastDate = null;
    for (TimeExpression t : DateNormalizer.find(raw)) {
      if ((t.kind() == Kind.DATE || t.kind() == Kind.YEAR_MONTH) && !t.partOfName()) {
        lastDate = t;
      }
    }
    if (lastDate == null) {
      return false;
    }
    String rest = TextFold.fold(raw.substring(lastDate.end())).strip();
    rest = rest.replaceAll("[、,]\\s*$", "");
    return DATED_STRETCH.matcher(rest).find() && !rest.contains("など");
  }

  /**
   * The tense a continuative clause takes from time: its own time against the report's month, or,
   * with none, the future time that opens the clause after it.
   */
  private static Optional<Status> datedContinuative(
      String text, Clause clause, Clause next, YearMonth reportDate) {
    LocalDate first = reportDate.atDay(1);
    LocalDate last = reportDate.atEndOfMonth();
    TimeContext context = TimeContext.forReport(reportDate);
    List<TimeExpression> own =
        DateNormalizer.find(text.substring(clause.start, clause.end), context).stream()
            .filter(TimeExpression::isEventDate)
            .toList();
    if (!own.isEmpty()) {
      Optional<DayRange> days = own.get(own.size() - 1).bounds();
      if (days.isPresent() && days.get().last().isBefore(first)) {
        return Optional.of(Status.DONE);
      }
      if (days.isPresent() && days.get().first().isAfter(last)) {
        return Optional.of(Status.PLANNED);
      }
      return Optional.empty();
    }
    String after = text.substring(next.start, next.end);
    for (TimeExpression t : DateNormalizer.find(after, TimeContext.forReport(reportDate))) {
      if (t.start() <= 1 && t.isEventDate()) {
        Optional<DayRange> days = t.bounds();
        // A time from the report's month on (令和8年度 in a report of 2026-04) is ahead of it.
        if (days.isPresent()
            && !days.get().first().isBefore(first)
            && days.get().last().isAfter(last)) {
          return Optional.of(Status.DONE);
        }
      }
    }
    return Optional.empty();
  }

  /** The clause's ending: no trailing brackets, punctuation or connective. */
  static String ending(String raw, String connective) {
    String e = raw;
    String before;
    do {
      before = e;
      e = e.strip();
      while (!e.isEmpty() && "、。，,*".indexOf(e.charAt(e.length() - 1)) >= 0) {
        e = e.substring(0, e.length() - 1).strip();
      }
      e = dropTrailingGroup(e, '（', '）');
      e = dropTrailingGroup(e, '(', ')');
      e = dropTrailingGroup(e, '【', '】');
    } while (!e.equals(before));
    if (!connective.isEmpty()) {
      e = CONNECTIVE_WORD.matcher(e).replaceFirst("");
    }
    return e;
  }

  private static String dropTrailingGroup(String e, char open, char close) {
    if (e.isEmpty() || e.charAt(e.length() - 1) != close) {
      return e;
    }
    int o = e.lastIndexOf(open);
    return o > 0 ? e.substring(0, o) : e;
  }
}
