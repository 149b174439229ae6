package kg.chizai.extract.text;

/**
 * Folds full-width letters, digits and signs (U+FF01–U+FF5E) to ASCII and the ideographic space to
 * a space, one character for one character. Unlike NFKC it never changes the length, so an offset
 * into the folded text is the same offset into the original.
 */
public final class TextFold {

  private TextFold() {}

  /** {@code text} with full-width ASCII folded: 令和７年 → 令和7年, same length. */
  public static String fold(String text) {
    char[] out = text.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        out[i] = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        out[i] = ' ';
      }
    }
    return new String(out);
  }
}
