package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * Something an entry says happened or will happen: 公表, 策定, 公布, 施行, 開催 …
 *
 * @param entry the entry that states it (its id)
 * @param ordinal its position among the entry's events
 * @param type the event type's code in the event-type scheme: publication, formulation …
 * @param verb the verb as written (公布, 施行 …)
 * @param date the date's lexical form and XSD type (2025-06, gYearMonth), if a calendar date is
 *     stated
 * @param fiscalYear the fiscal year, if the text dates it by 年度
 * @param relative whether the date is read from context (同年, 来年度) rather than stated
 * @param qualifier the part of the period meant (END for 月末, EARLY for 上旬 …)
 * @param object what the event is about, where the text names it (a statute, document …)
 * @param agents the bodies of the entry
 * @param surface the text from the date (or the object) to the verb
 */
public record Event(
    String entry,
    int ordinal,
    String type,
    String verb,
    Optional<DateValue> date,
    Optional<Integer> fiscalYear,
    boolean relative,
    Optional<String> qualifier,
    Optional<Mention> object,
    List<String> agents,
    String surface,
    int line) {

  /** A calendar date, year-month or year, with its XSD type name (date, gYearMonth, gYear). */
  public record DateValue(String lexical, String xsdType) {}

  public Event {
    agents = List.copyOf(agents);
  }
}
