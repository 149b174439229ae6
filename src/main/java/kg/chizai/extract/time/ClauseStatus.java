package kg.chizai.extract.time;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import kg.chizai.model.Status;

/**
 * The status read from one clause of a progress entry.
 *
 * @param start offset of the clause in the text given to {@link StatusClassifier#classify}
 * @param end offset after the clause
 * @param text the clause as written
 * @param statuses what the clause says; empty when its ending says nothing (〜ではない, a bare noun)
 * @param cue the ending (and markers) that decided it, for tracing a status back to its words:
 *     {@code "past: 行った"}, {@code "dictionary form: 施行する, tense of the main clause"}
 */
public record ClauseStatus(int start, int end, String text, Set<Status> statuses, String cue) {
  public ClauseStatus {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(cue, "cue");
    statuses = immutable(statuses);
    if (start < 0 || end < start || text.length() != end - start) {
      throw new IllegalArgumentException("bad span " + start + "-" + end + " for '" + text + "'");
    }
  }

  static Set<Status> immutable(Collection<Status> statuses) {
    EnumSet<Status> set = EnumSet.noneOf(Status.class);
    set.addAll(statuses);
    return Collections.unmodifiableSet(set);
  }
}
