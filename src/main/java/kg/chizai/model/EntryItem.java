package kg.chizai.model;

/** A sub-item (・ or nested bullet) of a progress entry. */
public record EntryItem(int ordinal, String text, SourceSpan span) {}
