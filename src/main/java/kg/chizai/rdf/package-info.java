/**
 * RDF: the vocabulary, IRI minting and the model-to-RDF mapping, and writing RDF files. IRIs are
 * minted only in {@link kg.chizai.rdf.Iris}; the mapping reads model records and never the source.
 */
package kg.chizai.rdf;
