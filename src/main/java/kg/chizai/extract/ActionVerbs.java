package kg.chizai.extract;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Verbs of action in a Japanese text, found with Kuromoji's part-of-speech and inflection data
 * rather than by kana look-behinds.
 *
 * <pre>{@code List<ActionVerbs.Verb> verbs = ActionVerbs.find("令和6年度に専門人材を配置し、…を計上。");}</pre>
 *
 * <p>A verb is a Sino-Japanese noun (名詞-サ変接続) used as a verb: followed by a form of する (配置し, 締結した,
 * 発表される), by 予定 or 中 (実施予定, 実施中), or ending a telegraphic clause that has its own object (…を計上。
 * …を実施、), or fused to a date (（令和7年12月26日公表）), or joined by ・ to such a verb (策定・公表した). In a run of
 * nouns the last one is the verb (運用開始した is 開始, of type operation-start). A few native verbs of
 * action count too (設ける, 始める, 行う, 定める, 決める, 結ぶ). Nouns that name things (契約書, 実施状況) are not verbs:
 * another noun follows them.
 *
 * <p>Only verbs with an event type count: those of the core scheme ({@link EventExtractor#VERBS})
 * and those of {@link #TYPES}. Verbs of ongoing effort (推進, 活用, 取り組む) are not events.
 */
final class ActionVerbs {

  /** Event types (codes of the event-type scheme) of verbs beyond the core scheme. */
  static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("実施", "implementation"),
          Map.entry("行う", "implementation"),
          Map.entry("配置", "deployment"),
          Map.entry("計上", "appropriation"),
          Map.entry("締結", "conclusion"),
          Map.entry("結ぶ", "conclusion"),
          Map.entry("発表", "announcement"),
          Map.entry("決定", "decision"),
          Map.entry("決める", "decision"),
          Map.entry("採択", "adoption"),
          Map.entry("支援", "support"),
          Map.entry("助成", "support"),
          Map.entry("派遣", "dispatch"),
          Map.entry("提供", "provision"),
          Map.entry("参加", "participation"),
          Map.entry("連携", "cooperation"),
          Map.entry("招聘", "invitation"),
          Map.entry("招へい", "invitation"),
          Map.entry("出展", "participation"),
          Map.entry("拡大", "expansion"),
          Map.entry("拡充", "expansion"),
          Map.entry("検挙", "enforcement"),
          Map.entry("摘発", "enforcement"),
          Map.entry("掲載", "publication"),
          Map.entry("刊行", "publication"),
          Map.entry("発行", "publication"),
          Map.entry("検討", "consideration"),
          Map.entry("議論", "consideration"),
          Map.entry("設ける", "establishment"),
          Map.entry("始める", "start"),
          Map.entry("着手", "start"),
          Map.entry("定める", "formulation"));

  /** The last word of a date, to which a telegraphic verb may be fused (12月26日公表). */
  private static final Set<String> DATE_WORDS = Set.of("年", "年度", "月", "日", "末", "旬");

  /** A verb found in a text. */
  /**
   * A verb found in a text.
   *
   * @param modifier whether it modifies the noun after it (活躍するアーティスト, 公表した契約書) rather than ending
   *     a clause
   */
  record Verb(int start, int end, String lemma, String type, boolean modifier) {}

  private record Token(int start, int end, String surface, String pos, String base) {
    boolean noun() {
      return pos.startsWith("名詞");
    }

    boolean verbalNoun() {
      return pos.startsWith("名詞-サ変接続");
    }

    boolean symbol() {
      return pos.startsWith("記号");
    }

    boolean suru() {
      return pos.startsWith("動詞") && "する".equals(base);
    }
  }

  private ActionVerbs() {}

  /** Every verb of action in {@code text}, in text order. */
  static List<Verb> find(String text) {
    List<Verb> out = new ArrayList<>();
    find(text, 0, text.length(), out);
    return out;
  }

  /**
   * The verbs of action in the sentences of {@code text} that hold one of the {@code positions}, in
   * text order. A sentence runs to its 。 (included) or to the end of the text; each is tokenized on
   * its own, which gives the tokens the whole text would have there (a verb's tests look no further
   * back than its 。, and no further ahead than the words after it), at the cost of the sentences
   * that matter only: {@link EventExtractor} needs the verbs near a date, and most sentences have
   * none.
   */
  static List<Verb> findInSentences(String text, int[] positions) {
    List<Verb> out = new ArrayList<>();
    int[] sorted = positions.clone();
    java.util.Arrays.sort(sorted);
    int done = 0; // the end of the last sentence tokenized
    for (int p : sorted) {
      if (p < done || p < 0 || p >= text.length()) {
        continue;
      }
      int start = text.lastIndexOf('。', p - 1) + 1;
      int stop = text.indexOf('。', p);
      int end = stop < 0 ? text.length() : stop + 1;
      find(text, Math.max(start, done), end, out);
      done = end;
    }
    return out;
  }

  private static void find(String whole, int from, int to, List<Verb> out) {
    String text = whole.substring(from, to);
    List<Token> tokens = tokens(text);
    int first = out.size();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.verbalNoun() && usedAsVerb(tokens, i, text)) {
        String lemma = t.surface();
        String type = type(lemma);
        if (type == null) {
          continue;
        }
        Token before = i > 0 ? tokens.get(i - 1) : null;
        if (lemma.equals("開始")
            && before != null
            && before.surface().equals("運用")
            && before.end() == t.start()) {
          out.add(
              new Verb(before.start(), t.end(), "運用開始", "operation-start", modifier(tokens, i)));
          continue;
        }
        out.add(new Verb(t.start(), t.end(), lemma, type, modifier(tokens, i)));
      } else if (t.pos().startsWith("動詞-自立") && TYPES.containsKey(t.base())) {
        out.add(new Verb(t.start(), t.end(), t.base(), TYPES.get(t.base()), modifier(tokens, i)));
      }
    }
    if (from > 0) {
      for (int k = first; k < out.size(); k++) {
        Verb v = out.get(k);
        out.set(k, new Verb(v.start() + from, v.end() + from, v.lemma(), v.type(), v.modifier()));
      }
    }
  }

  /** The event type of a verb: of the core scheme ({@link EventExtractor#VERBS}) or beyond it. */
  private static String type(String lemma) {
    String core = EventExtractor.VERBS.get(lemma);
    return core != null ? core : TYPES.get(lemma);
  }

  /** Whether the verbal noun at {@code i} is used as a verb, not as part of a noun phrase. */
  private static boolean usedAsVerb(List<Token> tokens, int i, String text) {
    Token t = tokens.get(i);
    if (i > 0
        && DATE_WORDS.contains(tokens.get(i - 1).surface())
        && tokens.get(i - 1).end() == t.start()) {
      // （令和7年12月26日公表）: a verb fused to its date.
      return true;
    }
    if (i + 1 >= tokens.size()) {
      return hasObject(tokens, i);
    }
    Token next = tokens.get(i + 1);
    if (next.start() > t.end()) {
      // A line break or space between: a telegraphic ending.
      return hasObject(tokens, i);
    }
    if (next.suru()) {
      return true;
    }
    if (next.surface().equals("予定") || next.surface().equals("中")) {
      return true;
    }
    if (next.surface().equals("・") && i + 2 < tokens.size()) {
      Token after = tokens.get(i + 2);
      return after.verbalNoun() && usedAsVerb(tokens, i + 2, text);
    }
    if (next.symbol()) {
      return "。、，．（(）)".contains(next.surface()) && hasObject(tokens, i);
    }
    return false;
  }

  /**
   * Whether the verb at {@code i}, with its endings (する, され, た, ている …), is followed by a noun that
   * it modifies.
   */
  private static boolean modifier(List<Token> tokens, int i) {
    int k = i + 1;
    while (k < tokens.size()) {
      Token t = tokens.get(k);
      if (t.pos().startsWith("動詞") || t.pos().startsWith("助動詞") || t.surface().equals("て")) {
        k++;
      } else {
        return t.noun() && !t.surface().equals("予定") && !t.surface().equals("中");
      }
    }
    return false;
  }

  /** Whether the clause before the noun at {@code i} has an object (を) of its own. */
  private static boolean hasObject(List<Token> tokens, int i) {
    for (int k = i - 1; k >= 0; k--) {
      Token t = tokens.get(k);
      if (t.surface().equals("、") || t.surface().equals("。")) {
        return false;
      }
      if (t.surface().equals("を") && t.pos().startsWith("助詞")) {
        return true;
      }
    }
    return false;
  }

  private static List<Token> tokens(String text) {
    return TOKENIZER.get().tokens(text);
  }

  /**
   * One Kuromoji tokenizer per thread, reused from text to text (Lucene's reuse protocol:
   * setReader, reset, incrementToken, end, close): building one per text was most of the time spent
   * here.
   */
  private static final ThreadLocal<Reusable> TOKENIZER = ThreadLocal.withInitial(Reusable::new);

  private static final class Reusable {
    private final JapaneseTokenizer tokenizer =
        new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL);
    private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    private final PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
    private final BaseFormAttribute base = tokenizer.addAttribute(BaseFormAttribute.class);
    private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);

    List<Token> tokens(String text) {
      List<Token> out = new ArrayList<>();
      try {
        tokenizer.setReader(new StringReader(text));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
          String b = base.getBaseForm();
          String p = pos.getPartOfSpeech();
          out.add(
              new Token(
                  offset.startOffset(),
                  offset.endOffset(),
                  term.toString(),
                  p == null ? "" : p,
                  b == null ? term.toString() : b));
        }
        tokenizer.end();
      } catch (IOException e) {
        throw new UncheckedIOException("reading a string cannot fail", e);
      } finally {
        try {
          tokenizer.close();
        } catch (IOException e) {
          throw new UncheckedIOException("closing a string reader cannot fail", e);
        }
      }
      return out;
    }
  }
}
