package kg.chizai.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size in bytes as a user writes it: {@code 1048576}, {@code 512K}, {@code 16M}, {@code 1G}
 * (binary multiples; {@code KiB}, {@code MB} and lower case are read the same).
 */
final class ByteSize implements ITypeConverter<Long> {

  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,13})\\s*(?:([KMG])(?:I?B)?|B)?", Pattern.CASE_INSENSITIVE);

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a size (a number of bytes, or with K, M or G: 16M)");
    }
    long n = Long.parseLong(m.group(1));
    int shift =
        m.group(2) == null
            ? 0
            : switch (m.group(2).toUpperCase(Locale.ROOT)) {
              case "K" -> 10;
              case "M" -> 20;
              default -> 30;
            };
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
    return n << shift;
  }
}
