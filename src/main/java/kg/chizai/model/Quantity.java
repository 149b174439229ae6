package kg.chizai.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A quantity or target the text states: 約200か所, 20兆円, 26.9%.
 *
 * @param item the item that states it ({@code entry:4-2})
 * @param ordinal its position among the item's quantities
 * @param value the number, scaled by 万/億/兆
 * @param unit the unit as written (か所, 円, 件, %)
 * @param approximate whether the text says 約 (about)
 * @param counted what is counted, as the text says it, if it can be read
 * @param targetYear the year by which it is to be reached (2033年までに), if stated
 */
public record Quantity(
    String item,
    int ordinal,
    BigDecimal value,
    String unit,
    boolean approximate,
    Optional<String> counted,
    Optional<Integer> targetYear,
    String surface,
    int line) {}
