/**
 * chizai-kg turns Japan's IP Strategic Program progress reports into a linked-data knowledge graph.
 * {@link kg.chizai.Pipeline} is the one place that knows the order of the stages.
 */
package kg.chizai;
