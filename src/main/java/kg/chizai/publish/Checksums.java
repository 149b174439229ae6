package kg.chizai.publish;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import kg.chizai.base.Sha256;

/** The {@code SHA256SUMS} file of a release, in the format GNU {@code sha256sum -c} checks. */
final class Checksums {

  private Checksums() {}

  /** {@code <hex> <path>} per file, in path order. */
  static byte[] sha256sums(SortedMap<String, byte[]> files) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      sb.append(Sha256.hex(f.getValue())).append("  ").append(f.getKey()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The entries of a {@code SHA256SUMS} file, path to hex, in file order; empty when a line is not
   * of the form {@code sha256sum} writes (not a file this program wrote).
   */
  static java.util.Optional<Map<String, String>> parse(byte[] sums) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : new String(sums, StandardCharsets.UTF_8).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 67
          || !line.substring(0, 64).matches("[0-9a-f]{64}")
          || !line.startsWith("  ", 64)) {
        return java.util.Optional.empty();
      }
      out.put(line.substring(66), line.substring(0, 64));
    }
    return java.util.Optional.of(out);
  }
}
