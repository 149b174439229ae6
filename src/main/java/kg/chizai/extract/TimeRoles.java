package kg.chizai.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kg.chizai.extract.time.Budget;
import kg.chizai.extract.time.Kind;
import kg.chizai.extract.time.Qualifier;
import kg.chizai.extract.time.TimeExpression;

/**
 * What a stated time is the time <em>of</em>, where the text says so: codes of the time-role scheme
 * ({@code …/def/time-role#event} …), in the scheme's order.
 *
 * <ul>
 *   <li>{@code event}: it dates an event of the item (令和7年6月に公布);
 *   <li>{@code budget}: it names the fiscal year of a budget or of a programme funded by one
 *       (令和6年度補正予算, 令和7年度補正予算事業, 令和6年度クリエイター・事業者支援事業費補助金); a supplementary budget (補正) is also
 *       {@code supplementary-budget};
 *   <li>{@code deadline}: something is to be done by then (2033年までに);
 *   <li>{@code target}: a goal is to be reached then (2033年までに20兆円とする目標, 本年秋の結果公表を目指す);
 *   <li>{@code period}: a stretch of time (2026-2030, 令和7年度から令和9年度まで, 2030年まで, 令和7年中, and
 *       2000年までに刊行された: a bound on what has happened, not a deadline);
 *   <li>{@code start}: something holds from then on (2026年4月1日より, 令和7年度以降);
 *   <li>{@code as-of}: a figure or state is observed then (令和7年12月末現在, 令和6年度実績);
 *   <li>{@code coverage}: the time a thing named right after it is about (令和6年度の活動内容,
 *       令和7年犯罪収益移転危険度調査書), as schema.org's {@code temporalCoverage}.
 * </ul>
 */
final class TimeRoles {

  static final String EVENT = "event";
  static final String BUDGET = "budget";
  static final String SUPPLEMENTARY_BUDGET = "supplementary-budget";
  static final String DEADLINE = "deadline";
  static final String TARGET = "target";
  static final String PERIOD = "period";
  static final String START = "start";
  static final String AS_OF = "as-of";
  static final String COVERAGE = "coverage";

  /** Every role, in the order of the scheme. */
  static final List<String> ALL =
      List.of(
          EVENT, BUDGET, SUPPLEMENTARY_BUDGET, DEADLINE, TARGET, PERIOD, START, AS_OF, COVERAGE);

  private static final Pattern GOAL = Pattern.compile("目指|目標と|を目標|とする(?:政府|数値)?目標");
  private static final Pattern DONE_BY = Pattern.compile("^[^、。]*?(?:された|した|れた)");
  private static final Pattern BUDGET_NAME =
      Pattern.compile("[\\p{IsHan}\\p{IsKatakana}ー・]*?(?:予算|事業|補助金|基金|交付金|委託費|助成金)");
  private static final Pattern TOPIC = Pattern.compile("(?:に|で)?(?:おいて|おいても)?[はも]?");
  private static final Pattern TOPIC_MARK =
      Pattern.compile("(?:に|で)?(?:おいて)?(?:は|も)(?![\\p{IsHan}])");
  private static final Pattern OBSERVED = Pattern.compile("^\\s*(?:実績|の実績|末実績)");

  private TimeRoles() {}

  /**
   * The roles of {@code t} in {@code text}.
   *
   * @param datesEvent whether {@code t} dates an event of the item
   * @param namePrefix whether {@code t} opens a name that is not quoted (令和7年犯罪収益移転危険度調査書): the
   *     time of a budget programme or the coverage of a document
   */
  static List<String> of(TimeExpression t, String text, boolean datesEvent, boolean namePrefix) {
    Set<String> roles = new LinkedHashSet<>();
    // The rest of the time's sentence: what is read is bounded by it, not by the whole text.
    String after = text.substring(t.end(), end(text, t.end(), "。\n"));
    String sentence = after;
    String clause = upTo(after, "、");
    if (TOPIC.matcher(clause).matches()) {
      // 令和8年度は、…を目指す: a topic reaches to the end of its sentence.
      clause = sentence;
    }
    if (datesEvent) {
      roles.add(EVENT);
    }
    boolean budgetName = namePrefix && BUDGET_NAME.matcher(after).lookingAt();
    if (t.budget().isPresent() || budgetName) {
      roles.add(BUDGET);
      if (t.budget().orElse(null) == Budget.SUPPLEMENTARY) {
        roles.add(SUPPLEMENTARY_BUDGET);
      }
    }
    switch (t.kind()) {
      case DEADLINE -> {
        if (GOAL.matcher(sentence).find()) {
          roles.add(TARGET);
        } else if (DONE_BY.matcher(clause).find()) {
          roles.add(PERIOD);
        } else {
          roles.add(DEADLINE);
        }
      }
      case FROM -> roles.add(START);
      case UNTIL, RANGE -> roles.add(PERIOD);
      case AS_OF -> roles.add(AS_OF);
      default -> {
        if (GOAL.matcher(clause).find()) {
          roles.add(TARGET);
        }
        if (OBSERVED.matcher(after).lookingAt()) {
          roles.add(AS_OF);
        } else if (namePrefix && !budgetName) {
          roles.add(COVERAGE);
        } else if (after.startsWith("の")
            && !datesEvent
            && !roles.contains(TARGET)
            && !roles.contains(BUDGET)) {
          roles.add(COVERAGE);
        }
        if (t.qualifier().orElse(null) == Qualifier.DURING && !datesEvent) {
          roles.add(PERIOD);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String r : ALL) {
      if (roles.contains(r)) {
        ordered.add(r);
      }
    }
    return ordered;
  }

  /** Whether {@code t} can date a verb: not a time that qualifies a noun (令和6年度の活動内容). */
  static boolean canDateVerb(TimeExpression t, String text) {
    return t.kind() != Kind.FUTURE && !(t.end() < text.length() && text.charAt(t.end()) == 'の');
  }

  /**
   * Whether {@code t} is the topic of its sentence (令和7年度は、…): it dates the sentence's predicates,
   * not the verbs of its relative clauses.
   */
  static boolean isTopic(TimeExpression t, String text) {
    return TOPIC_MARK.matcher(text).region(t.end(), text.length()).lookingAt();
  }

  /** The index of the first of {@code stops} at or after {@code from}, or the text's length. */
  private static int end(String text, int from, String stops) {
    for (int i = from; i < text.length(); i++) {
      if (stops.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static String upTo(String s, String stops) {
    for (int i = 0; i < s.length(); i++) {
      if (stops.indexOf(s.charAt(i)) >= 0) {
        return s.substring(0, i);
      }
    }
    return s;
  }
}
