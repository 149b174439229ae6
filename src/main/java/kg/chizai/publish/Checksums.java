package kg.chizai.publish;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/** SHA-256 digests and the {@code SHA256SUMS} file that {@code sha256sum -c} checks. */
final class Checksums {

  private Checksums() {}

  /** The SHA-256 of {@code bytes}, as lower-case hex. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** {@code <hex> <path>} per file, in path order (the format of GNU {@code sha256sum}). */
  static byte[] sha256sums(SortedMap<String, byte[]> files) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      sb.append(sha256(f.getValue())).append("  ").append(f.getKey()).append('\n');
    }
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
