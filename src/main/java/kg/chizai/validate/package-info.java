/**
 * Validation: the SHACL shapes of {@code ontology/shapes.ttl} run over converted data. A result is
 * one {@link kg.chizai.validate.Finding} per broken rule, naming the focus node and the shape.
 */
package kg.chizai.validate;
