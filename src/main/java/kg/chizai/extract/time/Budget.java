package kg.chizai.extract.time;

/** The budget a fiscal year is named for: 令和6年度補正予算 is the FY2024 supplementary budget. */
public enum Budget {
  /** 予算 with no further word: the fiscal year's budget. */
  BUDGET,
  /** 当初予算: the initial budget. */
  INITIAL,
  /** 補正予算, 補正: a supplementary budget. */
  SUPPLEMENTARY
}
