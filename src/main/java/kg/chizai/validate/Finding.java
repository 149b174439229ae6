package kg.chizai.validate;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One SHACL validation result: which node broke which shape, and how.
 *
 * @param focus the node that does not conform (an IRI, or {@code _:…} for a blank node)
 * @param path the property path the shape constrains, abbreviated ({@code ckg:sourceText}), or
 *     empty for a node shape's own constraints
 * @param message what the shape asks for
 * @param shape the shape, abbreviated ({@code ckgsh:sourceText})
 * @param component the SHACL constraint component that failed, without its namespace ({@code
 *     MinCountConstraintComponent})
 * @param value the offending value, when there is one
 */
public record Finding(
    Severity severity,
    String focus,
    String path,
    String message,
    String shape,
    String component,
    Optional<String> value) {

  /** How bad a finding is: only violations make data non-conforming. */
  public enum Severity {
    VIOLATION,
    WARNING,
    INFO
  }

  /** Findings in a stable order: focus node, path, shape, component, value. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::focus)
          .thenComparing(Finding::path)
          .thenComparing(Finding::shape)
          .thenComparing(Finding::component)
          .thenComparing(f -> f.value().orElse(""))
          .thenComparing(Finding::severity);

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(focus, "focus");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(value, "value");
  }

  /**
   * One line: {@code <focus> path: message (shape, component, value …)}, prefixed with {@code
   * warning: } for anything but a violation.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (severity != Severity.VIOLATION) {
      sb.append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
    }
    sb.append('<').append(focus).append('>');
    if (!path.isEmpty()) {
      sb.append(' ').append(path);
    }
    sb.append(": ").append(message).append(" (").append(shape).append(", ").append(component);
    value.ifPresent(v -> sb.append(", value ").append(v));
    return sb.append(')').toString();
  }
}
