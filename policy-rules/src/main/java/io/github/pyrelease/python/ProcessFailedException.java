package io.github.pyrelease.python;

import io.github.pyrelease.PyreleaseException;

/**
 * An external tool failed: the message has the exit code (or the timeout), the command and the last
 * lines of its output, so the failure is understood without scrolling back.
 */
public final class ProcessFailedException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  private final transient ProcessResult result;

  public ProcessFailedException(String what, ProcessResult result, String fix) {
    super(describe(what, result), result.command(), fix);
    this.result = result;
  }

  public ProcessResult result() {
    return result;
  }

  private static String describe(String what, ProcessResult result) {
    StringBuilder text = new StringBuilder(what);
    if (result.timedOut()) {
      text.append(": killed after ").append(result.took().toSeconds()).append(" s (the timeout)");
    } else {
      text.append(": exit code ").append(result.exitCode());
    }
    if (!result.tail().isEmpty()) {
      text.append("; its last ").append(result.tail().size()).append(" lines of output:");
      for (String line : result.tail()) {
        text.append(System.lineSeparator()).append("  | ").append(line);
      }
    }
    return text.toString();
  }
}
