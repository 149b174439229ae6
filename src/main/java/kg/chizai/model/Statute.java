package kg.chizai.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Japanese statute from the reference table, identified by its e-Gov law ID.
 *
 * @param id the e-Gov law ID (法令ID), e.g. 345AC0000000048
 * @param title the current official title
 * @param aliases abbreviations and other names the reports use
 * @param formerTitles titles the statute had before a renaming
 * @param amends for an amending act, the IDs of the statutes it amends
 * @param confidence how each value was established (V, V2, D, M as in the research note)
 */
public record Statute(
    String id,
    String title,
    Optional<String> titleEn,
    Optional<String> lawNumber,
    Optional<LocalDate> promulgated,
    boolean amendingAct,
    List<String> aliases,
    List<FormerTitle> formerTitles,
    List<String> amends,
    Optional<String> jltTranslationId,
    Map<String, String> confidence,
    List<String> sources) {

  /** A title the statute no longer has, and the last day it was current. */
  public record FormerTitle(String title, Optional<LocalDate> until, Optional<String> renamedBy) {}

  public Statute {
    aliases = List.copyOf(aliases);
    formerTitles = List.copyOf(formerTitles);
    amends = List.copyOf(amends);
    confidence = Map.copyOf(confidence);
    sources = List.copyOf(sources);
  }
}
