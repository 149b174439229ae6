/**
 * Publishing: a validated, reproducible release (dumps in every format, the ontology, a JSON-LD
 * context, a DCAT/VoID description whose wording lives in {@code publish/description.properties},
 * and checksums), written so that its target always holds a complete release ({@link
 * kg.chizai.publish.ReleaseDirectory}), diffs between releases, and pushing a release into another
 * triple store over the SPARQL 1.1 Graph Store Protocol. The entry point is {@link
 * kg.chizai.publish.Release}.
 */
package kg.chizai.publish;
