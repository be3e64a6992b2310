package io.github.pyrelease.policy;

/**
 * A rule option in a policy is unknown or has a value of the wrong type. Whoever read the policy
 * adds the file and line.
 */
public final class InvalidOptionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String ruleId;
  private final String option;

  InvalidOptionException(String ruleId, String option, String message) {
    super(message);
    this.ruleId = ruleId;
    this.option = option;
  }

  public String ruleId() {
    return ruleId;
  }

  public String option() {
    return option;
  }
}
