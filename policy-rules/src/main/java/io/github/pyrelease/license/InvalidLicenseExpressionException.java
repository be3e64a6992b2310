package io.github.pyrelease.license;

/** A licence expression is not valid SPDX; the message says which part and why. */
public final class InvalidLicenseExpressionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidLicenseExpressionException(String message) {
    super(message);
  }
}
