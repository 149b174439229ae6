package kg.chizai.model;

/**
 * Where a piece of text stands in its source file: lines 1-based and inclusive, offsets 0-based in
 * characters (Unicode code points) from the start of their line, the end exclusive, as Web
 * Annotation's {@code oa:TextPositionSelector} counts them.
 *
 * @param lineStart the line of the first character
 * @param startOffset the offset of the first character in {@code lineStart}
 * @param lineEnd the line of the last character
 * @param endOffset the offset after the last character in {@code lineEnd}
 */
public record TextPosition(int lineStart, int startOffset, int lineEnd, int endOffset) {
  public TextPosition {
    if (lineStart < 1 || lineEnd < lineStart || startOffset < 0 || endOffset < 0) {
      throw new IllegalArgumentException(
          "bad position " + lineStart + ":" + startOffset + "-" + lineEnd + ":" + endOffset);
    }
    if (lineEnd == lineStart && endOffset <= startOffset) {
      throw new IllegalArgumentException(
          "empty position " + lineStart + ":" + startOffset + "-" + endOffset);
    }
  }
}
