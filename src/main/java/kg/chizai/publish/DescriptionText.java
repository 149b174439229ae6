package kg.chizai.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.base.Resources;

/**
 * The fixed wording of the dataset description, read from {@value #RESOURCE} (a UTF-8 properties
 * file that anyone can edit without touching the code): templates whose {@code {name}} placeholders
 * the description fills from the data.
 */
final class DescriptionText {

  /** Where the wording lives on the classpath ({@code src/main/resources/publish/}). */
  static final String RESOURCE = "/publish/description.properties";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private static volatile DescriptionText packaged;

  private final Properties text;

  DescriptionText(Properties text) {
    this.text = text;
  }

  /** The packaged wording, read once. */
  static DescriptionText packaged() {
    DescriptionText t = packaged;
    if (t == null) {
      t = new DescriptionText(Resources.properties(RESOURCE));
      packaged = t;
    }
    return t;
  }

  /** The text of a key without placeholders. */
  String get(String key) {
    return fill(key, Map.of());
  }

  /** The text of a key with every {@code {name}} replaced by its value. */
  String fill(String key, Map<String, String> values) {
    String template = text.getProperty(key);
    if (template == null) {
      throw new IllegalStateException(RESOURCE + " has no " + key);
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            RESOURCE
                + ": "
                + key
                + " has {"
                + m.group(1)
                + "}, which is not one of "
                + values.keySet());
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    return m.appendTail(sb).toString();
  }

  /** {@code n} and the English noun of {@code count.<what>.en}: "1 sheet", "65 sheets". */
  String countEn(String what, long n) {
    String[] forms = get("count." + what + ".en").split("\\|");
    if (forms.length != 2) {
      throw new IllegalStateException(
          RESOURCE + ": count." + what + ".en should be 'singular | plural'");
    }
    return n + " " + (n == 1 ? forms[0] : forms[1]).strip();
  }

  /** A comma-separated list. */
  List<String> list(String key) {
    return Arrays.stream(get(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
