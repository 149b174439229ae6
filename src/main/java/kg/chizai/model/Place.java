package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * A country, region or city from the places table (places.json).
 *
 * @param kind the row's kind: country, region, city …
 * @param iso3166 the ISO 3166 code of a country or region
 * @param parent the place it is part of (its id)
 */
public record Place(
    String id,
    String nameJa,
    Optional<String> nameEn,
    List<String> altLabels,
    String kind,
    Optional<String> iso3166,
    Optional<String> parent,
    Optional<String> wikidata,
    Optional<String> source) {

  public Place {
    altLabels = List.copyOf(altLabels);
  }
}
