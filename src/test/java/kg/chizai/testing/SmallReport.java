package kg.chizai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report of the seed's family cut down to one area, one direction and one progress entry: for
 * tests that need a whole report to convert, load or serve, but not the seed's size.
 */
public final class SmallReport {

  /** The report's text; line 18 is the entry 【文化庁】 海賊版対策事業を実施した。 */
  public static final String TEXT =
      """

      「知的財産推進計画2025」の進捗状況

      令和8年4月

      内閣府知的財産戦略推進事務局

      コンテンツ戦略

      (6) 海賊版対策の強化

      知的財産推進計画2025の方向性

      - 海賊版対策の強化に向けた働きかけを行う。

      主な進捗状況

      【文化庁】 海賊版対策事業を実施した。
      """;

  private SmallReport() {}

  /** Writes {@link #TEXT} (UTF-8) to {@code dir/name} and returns the file. */
  public static Path writeTo(Path dir, String name) {
    try {
      return Files.writeString(dir.resolve(name), TEXT, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
