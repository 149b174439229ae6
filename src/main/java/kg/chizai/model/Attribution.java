package kg.chizai.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.chizai.base.Problem;

/**
 * Who reported what in one report: the output of the attribution stage.
 *
 * @param bodiesByEntry body ids per entry id, in tag order
 * @param publisher the publisher's body id, if the cover names one
 * @param bodies every body used, with its ancestors, sorted by id
 * @param warnings tags that are not in the bodies table, with their lines
 */
public record Attribution(
    Map<String, List<String>> bodiesByEntry,
    Optional<String> publisher,
    Map<String, Body> bodies,
    List<Problem> warnings) {

  public Attribution {
    bodiesByEntry = Copies.mapOfLists(bodiesByEntry);
    bodies = Copies.map(bodies);
    warnings = List.copyOf(warnings);
  }
}
