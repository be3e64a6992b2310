package io.github.pyrelease.license;

import java.util.Objects;
import java.util.Optional;

/**
 * The licence of one distribution as its metadata states it.
 *
 * @param expression the SPDX expression in canonical form, or {@code null} when the metadata names
 *     no licence that maps to one
 * @param basis which metadata the expression (or the lack of one) comes from
 * @param declared what the metadata says, as written (the {@code License} text, the classifiers),
 *     for reports; empty when it says nothing
 */
public record DetectedLicense(String expression, Basis basis, String declared) {

  /** Where a licence was read. */
  public enum Basis {
    /** {@code License-Expression} (PEP 639). */
    LICENSE_EXPRESSION("License-Expression"),
    /** The {@code License} field, when an SPDX expression or a well-known licence name. */
    LICENSE_FIELD("License"),
    /** {@code License ::} classifiers mapped to SPDX ids. */
    CLASSIFIERS("License classifiers"),
    /** Nothing that maps to an SPDX expression. */
    UNKNOWN("no recognisable licence metadata");

    private final String label;

    Basis(String label) {
      this.label = label;
    }

    /** As reports name it. */
    public String label() {
      return label;
    }
  }

  public DetectedLicense {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(declared, "declared");
    if ((expression == null) != (basis == Basis.UNKNOWN)) {
      throw new IllegalArgumentException("an expression goes with a known basis, and only then");
    }
  }

  /** No licence could be told from {@code declared}. */
  public static DetectedLicense unknown(String declared) {
    return new DetectedLicense(null, Basis.UNKNOWN, declared);
  }

  /** The expression, when known. */
  public Optional<SpdxExpression> spdx() {
    return expression == null ? Optional.empty() : Optional.of(SpdxExpression.parse(expression));
  }
}
