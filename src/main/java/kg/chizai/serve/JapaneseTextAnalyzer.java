package kg.chizai.serve;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;

/**
 * The analyzer of the Japanese full-text index: Kuromoji in search mode that keeps compounds as
 * well as their parts ({@code discardCompoundToken=false}), after folding character width.
 *
 * <p>Lucene's stock {@code JapaneseAnalyzer} drops the compound in search mode, so a query for 海賊版
 * (split into 海賊 + 版) misses sentences where 海賊版 was indexed whole. Keeping both, and querying with
 * phrases, finds every occurrence. The class has a public no-argument constructor so a jena-text
 * assembler can name it ({@code text:GenericAnalyzer}).
 *
 * <pre>{@code textIndexConfig.setAnalyzer(new JapaneseTextAnalyzer());}</pre>
 */
public final class JapaneseTextAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new JapaneseTokenizer(null, true, false, JapaneseTokenizer.Mode.SEARCH);
    TokenStream stream = new LowerCaseFilter(tokenizer);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new CJKWidthCharFilter(reader);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return new CJKWidthCharFilter(reader);
  }
}
