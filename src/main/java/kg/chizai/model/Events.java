package kg.chizai.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kg.chizai.base.Problem;

/**
 * What happens in one report, and when: the output of the events stage.
 *
 * @param events dated (or undated) events, each with its verb, object and agents
 * @param times every time the report's directions, entries and lead statements state
 * @param statusByEntry the statuses each entry's clauses state, by entry id
 * @param warnings dates that could not be read, with their lines
 */
public record Events(
    List<Event> events,
    List<StatedTime> times,
    Map<String, Set<Status>> statusByEntry,
    List<Problem> warnings) {

  public Events {
    events = List.copyOf(events);
    times = List.copyOf(times);
    statusByEntry = Copies.mapOfSets(statusByEntry);
    warnings = List.copyOf(warnings);
  }
}
