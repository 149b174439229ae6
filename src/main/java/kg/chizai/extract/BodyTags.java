package kg.chizai.extract;

import java.util.ArrayList;
import java.util.List;

/** Splits a joint tag such as 総務省・経産省 into the bodies it names. */
final class BodyTags {

  private static final String SEPARATORS = "・･、，,/／";

  private BodyTags() {}

  /**
   * The parts of a tag, split on ・ and similar separators, but never inside parentheses (内閣府（科技）
   * stays whole). Names that contain ・ themselves (科学技術・イノベーション推進事務局) are re-joined later by {@link
   * BodyTable}, which knows them.
   */
  static List<String> split(String tag) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if ((c == ')' || c == '）') && depth > 0) {
        depth--;
      }
      if (depth == 0 && SEPARATORS.indexOf(c) >= 0) {
        add(parts, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    add(parts, current);
    return parts;
  }

  private static void add(List<String> parts, StringBuilder part) {
    String p = part.toString().strip();
    if (!p.isEmpty()) {
      parts.add(p);
    }
  }
}
