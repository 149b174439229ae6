package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * An organization from the organizations table (organizations.json): an agency, an association, a
 * company or an international body.
 *
 * @param kind the row's kind (incorporated-administrative-agency, association …)
 * @param country the ISO 3166 code of the country it belongs to, where known
 */
public record Organization(
    String id,
    String nameJa,
    Optional<String> nameEn,
    List<String> altLabels,
    String kind,
    Optional<String> country,
    Optional<String> parent,
    Optional<String> url,
    Optional<String> wikidata,
    Optional<String> source) {

  public Organization {
    altLabels = List.copyOf(altLabels);
  }
}
