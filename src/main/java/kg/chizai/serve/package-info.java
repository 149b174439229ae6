/**
 * Serving: {@link kg.chizai.serve.ChizaiServer} runs embedded Fuseki over a TDB2 store with a
 * Kuromoji full-text index, a read-only SPARQL endpoint and linked-data pages for every IRI the
 * graph mints. The HTML pages are pure functions of a graph and the {@link kg.chizai.serve.Site};
 * all I/O stays in the servlets and the {@link kg.chizai.serve.Store}.
 */
package kg.chizai.serve;
