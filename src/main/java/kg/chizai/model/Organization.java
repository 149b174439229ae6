package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * An organization or a place from a reference table (organizations.json, places.json).
 *
 * @param kind the row's kind (incorporated-administrative-agency …, country, city …)
 * @param code an external code: ISO 3166 for a place, the country for an organization
 */
public record Organization(
    String id,
    String nameJa,
    Optional<String> nameEn,
    List<String> altLabels,
    String kind,
    Optional<String> code,
    Optional<String> parent,
    Optional<String> url,
    Optional<String> wikidata,
    Optional<String> source) {

  public Organization {
    altLabels = List.copyOf(altLabels);
  }
}
