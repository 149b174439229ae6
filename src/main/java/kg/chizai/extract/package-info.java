/**
 * Extraction: reads the structure of a report (sections, sheets, directions, progress entries) into
 * model records, and resolves what the text names against the reference tables. Every record keeps
 * the source lines it came from.
 */
package kg.chizai.extract;
