package kg.chizai.model;

import java.util.Optional;

/**
 * A part of a report (知的財産の「創造」, コンテンツ戦略), a sub-part (AIと知的財産権) or an area ((1)…(7)).
 *
 * @param key stable ordinal key within the report: "1" for a part, "1-1" for its first sub-part or
 *     area
 * @param number the number printed for it ("1." or "(3)"), if any
 * @param title the title as printed, markers removed
 * @param parentKey the enclosing section, if any
 * @param lead the statement that opens the section, before its directions
 */
public record Section(
    String key,
    Optional<Integer> number,
    String title,
    Optional<String> parentKey,
    SourceSpan span,
    Optional<LeadStatement> lead) {}
