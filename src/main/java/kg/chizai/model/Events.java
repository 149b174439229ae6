package kg.chizai.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kg.chizai.base.Problem;

/**
 * What happens in one report, and when: the output of the events stage.
 *
 * @param events dated (or undated) events, each with its verb, object and agents
 * @param statusByEntry the statuses each entry's clauses state, by entry id
 * @param warnings dates that could not be read, with their lines
 */
public record Events(
    List<Event> events, Map<String, Set<Status>> statusByEntry, List<Problem> warnings) {

  public Events {
    events = List.copyOf(events);
    statusByEntry = Copies.mapOfSets(statusByEntry);
    warnings = List.copyOf(warnings);
  }
}
