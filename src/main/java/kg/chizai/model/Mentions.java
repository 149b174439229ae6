package kg.chizai.model;

import java.util.List;
import java.util.Map;
import kg.chizai.base.Problem;

/**
 * Everything one report names: the output of the mentions stage.
 *
 * @param mentions one mention per thing per item (the first surface)
 * @param occurrences every occurrence, before the one-per-item merge (each surface as written)
 * @param statutes every statute mentioned, and every statute an amending act mentioned amends
 * @param things the named documents, councils, programs, systems and events, with their versions
 * @param organizations organizations named, from the organizations table
 * @param places places named, from the places table
 * @param bodies government bodies named as responsible for things, with their ancestors
 * @param quantities amounts, counts and targets
 * @param foreignLaws law names read as foreign (同国の著作権法): item key → surfaces
 * @param unresolved law-like names not in the statutes table, with their lines (also warned)
 * @param warnings everything doubtful, with its line
 */
public record Mentions(
    List<Mention> mentions,
    List<Mention> occurrences,
    Map<String, Statute> statutes,
    Map<String, NamedThing> things,
    Map<String, Organization> organizations,
    Map<String, Place> places,
    Map<String, Body> bodies,
    List<Quantity> quantities,
    Map<String, List<String>> foreignLaws,
    List<Problem> unresolved,
    List<Problem> warnings) {

  public Mentions {
    mentions = List.copyOf(mentions);
    occurrences = List.copyOf(occurrences);
    statutes = Copies.map(statutes);
    things = Copies.map(things);
    organizations = Copies.map(organizations);
    places = Copies.map(places);
    bodies = Copies.map(bodies);
    quantities = List.copyOf(quantities);
    foreignLaws = Copies.mapOfLists(foreignLaws);
    unresolved = List.copyOf(unresolved);
    warnings = List.copyOf(warnings);
  }
}
