/**
 * Time in the reports' Japanese: {@link kg.chizai.extract.time.DateNormalizer} finds dates, fiscal
 * years, ranges, deadlines and relative expressions and gives each a typed value; {@link
 * kg.chizai.extract.time.StatusClassifier} reads whether a progress entry's clauses report work
 * done, ongoing, planned or under consideration. Both are pure functions of their text (and, for
 * dates, of a small {@link kg.chizai.extract.time.TimeContext}): no I/O, no RDF.
 */
package kg.chizai.extract.time;
