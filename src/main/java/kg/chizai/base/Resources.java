package kg.chizai.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Files packaged on the classpath (the ontology, the shapes, page assets, the description's text).
 * A resource the code expects and the jar lacks is a packaging bug, reported as an {@link
 * IllegalStateException} naming it.
 *
 * <pre>{@code byte[] ttl = Resources.bytes("/ontology/chizai.ttl");}</pre>
 */
public final class Resources {

  private Resources() {}

  /** The bytes of a resource that must be there (an absolute name, starting with {@code /}). */
  public static byte[] bytes(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalStateException("missing from the classpath: " + name));
  }

  /** The bytes of a resource, or empty when the classpath has none of that name. */
  public static Optional<byte[]> find(String name) {
    if (!name.startsWith("/")) {
      throw new IllegalArgumentException("resource names are absolute (start with /): " + name);
    }
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the classpath", e);
    }
  }

  /** A UTF-8 {@code .properties} resource that must be there. */
  public static Properties properties(String name) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes(name), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the classpath", e);
    }
    return p;
  }
}
