/**
 * RDF: the vocabulary, IRI minting, the model-to-RDF mapping and the linksets to other datasets,
 * and writing RDF in the formats offered ({@link kg.chizai.rdf.Formats}, Jena's languages) for
 * files, release dumps and pages alike. IRIs are minted only in {@link kg.chizai.rdf.Iris}; the
 * mapping reads model records and never the source.
 */
package kg.chizai.rdf;
