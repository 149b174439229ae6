/**
 * RDF mapping: vocabulary, IRI minting and the model-to-RDF mapper for the chizai-kg ontology. It
 * turns the immutable model records into Jena graphs and depends on no later pipeline stage.
 */
package kg.chizai.rdf;
