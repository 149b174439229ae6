/**
 * Reading source reports: strict UTF-8 decoding, line splitting and checksums, with problems that
 * name the file and line. The first stage of the pipeline; it knows nothing of the report's
 * structure.
 */
package kg.chizai.source;
