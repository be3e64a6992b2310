package io.github.pyrelease;

/**
 * A fact a rule needs could not be obtained (network down, offline mode, server error). The policy
 * decides whether that fails the run (CLI exit code 3).
 */
public class FactUnavailableException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  public FactUnavailableException(String what, String where, String fix, Throwable cause) {
    super(what, where, fix, cause);
  }
}
