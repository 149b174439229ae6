package kg.chizai.model;

/** What a progress clause says about its work. A clause may say more than one (検討を進めている). */
public enum Status {
  /** Done: 〜した, 公表した, 〜したところ, 完了, and telegraphic 「…を実施。」. */
  DONE,
  /** Going on: 〜している, 〜しており, 実施中, 継続中, 〜を推進, 引き続き…. */
  ONGOING,
  /** Planned: 予定, 〜していく, 〜を目指す, 〜する (a plain non-past verb), 今後…. */
  PLANNED,
  /** Under consideration: the clause's work is 検討 or 議論. */
  CONSIDERING
}
