package io.github.pyrelease.cli;

/** The CLI's exit codes, as DESIGN section 4 fixes them. */
final class ExitCode {

  /** Every rule passed. */
  static final int OK = 0;

  /** A rule failed (or, for {@code version normalize}, an input was invalid). */
  static final int RULE_FAILED = 1;

  /** Usage or input error: bad arguments, bad policy, unreadable project. */
  static final int INPUT_ERROR = 2;

  /** A fact could not be obtained and the policy made that fatal. */
  static final int FACT_UNAVAILABLE = 3;

  private ExitCode() {}
}
