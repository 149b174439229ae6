package kg.chizai.validate;

import java.util.List;
import kg.chizai.model.Report;
import org.apache.jena.query.Dataset;

/**
 * Data that has been checked against the SHACL shapes: the reports it was converted from (none when
 * it was read from RDF), the data, and the verdict. A release is built only from a validation that
 * conforms.
 */
public record Validation(List<Report> reports, Dataset data, Conformance conformance) {

  public Validation {
    reports = List.copyOf(reports);
  }

  /** Checks {@code data}, converted from {@code reports}, against the packaged shapes. */
  public static Validation of(List<Report> reports, Dataset data) {
    return new Validation(reports, data, Shacl.validate(data));
  }

  public boolean conforms() {
    return conformance.conforms();
  }
}
