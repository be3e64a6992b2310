package io.github.pyrelease.deps;

/** A requirement or specifier does not follow PEP 508 / PEP 440; the message says where and why. */
public final class InvalidRequirementException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int position;

  InvalidRequirementException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The 0-based offset where parsing failed. */
  public int position() {
    return position;
  }
}
