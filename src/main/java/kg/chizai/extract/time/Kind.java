package kg.chizai.extract.time;

/**
 * The shape of a time expression. It is known from the wording even when the value is rejected
 * (令和0年 is a {@link #YEAR} with no value), and it names the {@link TimeValue} record a value has.
 */
public enum Kind {
  /** A full date, 令和7年12月24日: {@code xsd:date}. */
  DATE,
  /** A year and month, 2025年3月: {@code xsd:gYearMonth}. */
  YEAR_MONTH,
  /** A calendar year, 2023年: {@code xsd:gYear}. */
  YEAR,
  /** A Japanese fiscal year (April to March), 令和7年度: a resource, not a literal. */
  FISCAL_YEAR,
  /** From one point to another, 令和7年度から令和9年度まで, 2026-2030. */
  RANGE,
  /** Something happens by a point, 2033年までに. */
  DEADLINE,
  /** Something starts at a point, 2026年4月1日より, 令和7年度以降. */
  FROM,
  /** Something lasts until a point, 2030年まで. */
  UNTIL,
  /** A state observed at a point, 令和7年12月末現在. */
  AS_OF,
  /** Several points in one phrase, 2025年3月、6月及び10月. */
  LIST,
  /** 今後: from now on, with no value. */
  FUTURE
}
