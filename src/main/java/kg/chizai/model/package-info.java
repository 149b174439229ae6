/**
 * The model: immutable records for a report, its sections, sheets, directions and progress entries,
 * each remembering the source lines it came from. Records are built by the extract stage and read
 * by the RDF mapping; nothing here does I/O.
 */
package kg.chizai.model;
