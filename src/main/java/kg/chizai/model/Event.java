package kg.chizai.model;

import java.util.List;
import java.util.Optional;

/**
 * Something an item says happened or will happen: 公表, 策定, 公布, 施行, 開催, and other dated actions (配置,
 * 実施, 計上 …).
 *
 * @param item the item that states it: {@code entry:4-2}, {@code direction:3-1}, {@code lead:2-6}
 * @param ordinal its position among the item's events
 * @param type the event type's code in the event-type scheme: publication, formulation …
 * @param verb the verb as written (公布, 施行 …)
 * @param date the date's lexical form and XSD type (2025-06, gYearMonth), if a calendar date is
 *     stated
 * @param fiscalYear the fiscal year, if the text dates it by 年度
 * @param relative whether the date is read from context (同年, 来年度) rather than stated
 * @param qualifier the part of the period meant, a code of the date-qualifier scheme ({@code end}
 *     for 月末, {@code early} for 上旬 …)
 * @param object what the event is about, where the text names it (a statute, document …)
 * @param agents the bodies of the entry (none for a direction or lead statement)
 * @param surface the text from the date (or the object) to the verb
 */
public record Event(
    String item,
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

  /** The id of the item that states it, without its kind: {@code 4-2} for {@code entry:4-2}. */
  public String itemId() {
    return item.substring(item.indexOf(':') + 1);
  }

  /** Whether a progress entry states it (not a direction or lead statement). */
  public boolean fromEntry() {
    return item.startsWith("entry:");
  }
}
