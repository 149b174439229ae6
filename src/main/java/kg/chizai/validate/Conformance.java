package kg.chizai.validate;

import java.util.List;

/**
 * The outcome of validating a graph: every finding in a stable order, and the size of what was
 * validated. The graph conforms when no finding is a {@link Finding.Severity#VIOLATION}; warnings
 * are reported but do not stop a release.
 */
public record Conformance(List<Finding> findings, long triples) {

  public Conformance {
    findings = findings.stream().sorted(Finding.ORDER).toList();
  }

  public boolean conforms() {
    return violations().isEmpty();
  }

  public List<Finding> violations() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.VIOLATION).toList();
  }

  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() != Finding.Severity.VIOLATION).toList();
  }

  /** Every finding, one per line (violations and warnings together, in order). */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append(f).append('\n');
    }
    return sb.toString();
  }
}
