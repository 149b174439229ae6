package kg.chizai.serve;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered pages kept for the day: the data is read-only, so a page changes only with what it
 * cites, the access date and the release offered ({@link Citation.Context}). The cache empties when
 * that changes and holds at most {@link #MAX} pages (the least recently used go first).
 */
final class DailyCache {

  /** Most pages kept. */
  static final int MAX = 256;

  private Citation.Context day;

  private final Map<String, byte[]> pages =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > MAX;
        }
      };

  /** The page under {@code key} citing {@code today}, rendered (as UTF-8) when missing. */
  byte[] get(String key, Citation.Context today, Supplier<String> render) {
    synchronized (this) {
      if (!today.equals(day)) {
        pages.clear();
        day = today;
      }
      byte[] page = pages.get(key);
      if (page != null) {
        return page;
      }
    }
    // Rendered outside the lock: two visitors may render the same page once each.
    byte[] page = render.get().getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      if (today.equals(day)) {
        pages.put(key, page);
      }
    }
    return page;
  }
}
