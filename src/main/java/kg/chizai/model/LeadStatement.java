package kg.chizai.model;

/** The bullet that opens an area before its 方向性 heading: a summary, not a direction. */
public record LeadStatement(String text, int sheet, SourceSpan span) {}
