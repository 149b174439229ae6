package kg.chizai.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Immutable copies that keep iteration order (the order decides the order of the output). */
final class Copies {

  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  static <K, V> Map<K, List<V>> mapOfLists(Map<K, List<V>> m) {
    Map<K, List<V>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  static <K, V> Map<K, Set<V>> mapOfSets(Map<K, Set<V>> m) {
    Map<K, Set<V>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(v)));
    return Collections.unmodifiableMap(out);
  }
}
