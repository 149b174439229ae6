package kg.chizai.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kg.chizai.extract.text.TextFold;

/**
 * Finds known names in a text, longest match first, without overlaps. Matching is on the
 * width-folded text (full-width ASCII as ASCII), so positions are those of the original text.
 *
 * <p>Boundaries keep short names from matching inside longer words: an ASCII name must not touch
 * other ASCII letters or digits, a katakana name other katakana, and a name of one or two kanji
 * must not follow another kanji (刑法 is not found in 国際刑法).
 *
 * @param <T> what a name stands for
 */
final class AliasIndex<T> {

  /** A name found in a text: [start, end) in the text, the surface, and what it stands for. */
  record Hit<T>(int start, int end, String surface, T value) {}

  private final Map<Character, List<Map.Entry<String, T>>> byFirst = new HashMap<>();

  void add(String name, T value) {
    String key = TextFold.fold(name.strip());
    if (key.isEmpty()) {
      return;
    }
    List<Map.Entry<String, T>> list =
        byFirst.computeIfAbsent(key.charAt(0), c -> new ArrayList<>());
    for (Map.Entry<String, T> e : list) {
      if (e.getKey().equals(key)) {
        return;
      }
    }
    list.add(Map.entry(key, value));
    list.sort(
        Comparator.comparingInt((Map.Entry<String, T> e) -> -e.getKey().length())
            .thenComparing(Map.Entry::getKey));
  }

  List<Hit<T>> find(String text) {
    String folded = TextFold.fold(text);
    List<Hit<T>> hits = new ArrayList<>();
    int i = 0;
    while (i < folded.length()) {
      Hit<T> hit = matchAt(text, folded, i);
      if (hit != null) {
        hits.add(hit);
        i = hit.end();
      } else {
        i++;
      }
    }
    return hits;
  }

  /** The longest name that starts at {@code i}, if any. */
  Hit<T> matchAt(String text, String folded, int i) {
    List<Map.Entry<String, T>> candidates = byFirst.get(folded.charAt(i));
    if (candidates == null) {
      return null;
    }
    for (Map.Entry<String, T> e : candidates) {
      String name = e.getKey();
      if (folded.startsWith(name, i) && bounded(folded, i, i + name.length(), name)) {
        return new Hit<>(i, i + name.length(), text.substring(i, i + name.length()), e.getValue());
      }
    }
    return null;
  }

  private static boolean bounded(String s, int start, int end, String name) {
    char first = name.charAt(0);
    char last = name.charAt(name.length() - 1);
    char before = start > 0 ? s.charAt(start - 1) : ' ';
    char after = end < s.length() ? s.charAt(end) : ' ';
    if (isAsciiWord(first) && isAsciiWord(before)) {
      return false;
    }
    if (isAsciiWord(last) && isAsciiWord(after)) {
      return false;
    }
    if (isKatakana(first) && isKatakana(before)) {
      return false;
    }
    if (isKatakana(last) && isKatakana(after)) {
      return false;
    }
    return !(name.length() <= 2 && isKanji(first) && isKanji(before));
  }

  static boolean isAsciiWord(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  static boolean isKatakana(char c) {
    return (c >= '\u30A1' && c <= '\u30FA') || c == 'ー';
  }

  static boolean isKanji(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
