package kg.chizai.model;

import java.util.Optional;

/**
 * A plan direction (知的財産推進計画の方向性 item).
 *
 * @param id stable id within the report: "{sheet}-{ordinal on the sheet}"
 * @param relistMarked whether the text carries the 【再掲】 mark
 * @param relistedFrom id of the earlier direction this one repeats, if any
 */
public record Direction(
    String id,
    int sheet,
    String sectionKey,
    String text,
    SourceSpan span,
    boolean relistMarked,
    Optional<String> relistedFrom) {}
