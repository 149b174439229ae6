package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * A named policy document, council, program, information system or event.
 *
 * @param id ASCII slug (from the reference table) or an id minted from the name
 * @param type what it is: guideline, strategy, roadmap, report, handbook, checklist,
 *     other-document, council, program, fund, subsidy, system, portal, database, event, award,
 *     campaign
 * @param issuer the body or organization responsible, where known
 * @param versions editions stated in the text (1.2版, 改訂第9版, 仮称)
 * @param fromTable whether it comes from the reference table (otherwise found by pattern)
 */
public record NamedThing(
    String id,
    String type,
    String label,
    Optional<String> labelEn,
    List<String> altLabels,
    Optional<String> issuer,
    Optional<String> parent,
    List<String> versions,
    Optional<String> source,
    boolean fromTable) {

  public NamedThing {
    altLabels = List.copyOf(altLabels);
    versions = List.copyOf(versions);
  }

  /** This thing with another responsible body and another list of versions. */
  public NamedThing with(Optional<String> newIssuer, List<String> newVersions) {
    return new NamedThing(
        id, type, label, labelEn, altLabels, newIssuer, parent, newVersions, source, fromTable);
  }
}
