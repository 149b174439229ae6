package kg.chizai.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.chizai.model.SourceSpan;
import kg.chizai.model.TextPosition;
import kg.chizai.source.SourceText;

/**
 * Maps offsets in an item's text back to lines and columns of its source file.
 *
 * <p>An item's text is made of pieces joined by line breaks (its paragraphs and sub-items), each
 * cut from one source line with its markers removed. Each piece is found once, in order, in the
 * item's lines; an offset in the text is then an offset in that line. A piece that is not in its
 * line as written (an HTML table cell, whose entities were decoded) is looked up by the
 * expression's own text instead.
 */
final class ItemPositions {

  private final SourceText src;
  private final SourceSpan span;
  private final String text;

  /** Start offset in the text of each piece, and where the piece stands in the source (or -1). */
  private final List<int[]> pieces = new ArrayList<>();

  ItemPositions(SourceText src, SourceSpan span, String text) {
    this.src = src;
    this.span = span;
    this.text = text;
    int line = span.lineStart();
    int column = 0;
    int at = 0;
    while (at <= text.length()) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl;
      String piece = text.substring(at, end);
      int foundLine = -1;
      int foundColumn = -1;
      for (int l = line; l <= Math.min(span.lineEnd(), src.lineCount()) && !piece.isEmpty(); l++) {
        int c = src.line(l).indexOf(piece, l == line ? column : 0);
        if (c >= 0) {
          foundLine = l;
          foundColumn = c;
          line = l;
          column = c + piece.length();
          break;
        }
      }
      pieces.add(new int[] {at, end, foundLine, foundColumn});
      if (nl < 0) {
        break;
      }
      at = nl + 1;
    }
  }

  /** Where {@code [start, end)} of the text stands, if it can be found. */
  Optional<TextPosition> at(int start, int end) {
    Optional<int[]> first = locate(start);
    Optional<int[]> last = locate(end - 1);
    if (first.isPresent() && last.isPresent()) {
      int[] f = first.get();
      int[] l = last.get();
      return Optional.of(
          new TextPosition(f[0], codePoints(f[0], f[1]), l[0], codePoints(l[0], l[1] + 1)));
    }
    String surface = text.substring(start, end);
    for (int n = span.lineStart(); n <= Math.min(span.lineEnd(), src.lineCount()); n++) {
      int c = src.line(n).indexOf(surface);
      if (c >= 0) {
        return Optional.of(
            new TextPosition(n, codePoints(n, c), n, codePoints(n, c + surface.length())));
      }
    }
    return Optional.empty();
  }

  /** The line and column of the text's character at {@code offset}. */
  private Optional<int[]> locate(int offset) {
    for (int[] p : pieces) {
      if (offset >= p[0] && offset < p[1]) {
        return p[2] < 0 ? Optional.empty() : Optional.of(new int[] {p[2], p[3] + (offset - p[0])});
      }
    }
    return Optional.empty();
  }

  private int codePoints(int line, int utf16) {
    return src.line(line).codePointCount(0, utf16);
  }
}
