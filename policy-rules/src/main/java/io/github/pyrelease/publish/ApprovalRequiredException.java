package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;

/**
 * Publishing stopped before a stage whose {@code approval} gate nobody passed: the stages before it
 * stay done, and a run with the approval continues from there.
 */
public final class ApprovalRequiredException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  private final String stage;

  public ApprovalRequiredException(String stage, String what, String fix) {
    super(what, null, fix);
    this.stage = stage;
  }

  /** The stage that waits. */
  public String stage() {
    return stage;
  }
}
