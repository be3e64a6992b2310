package io.github.pyrelease;

/**
 * A problem the user must fix in their input or environment (not a rule failure): it says what is
 * wrong, where, and how to fix it. Never carries a stack trace to the user.
 */
public class PyreleaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String where;
  private final String fix;

  /**
   * @param what what is wrong, in one sentence
   * @param where {@code file:line} or another location, or {@code null}
   * @param fix how to fix it, or {@code null}
   */
  public PyreleaseException(String what, String where, String fix) {
    this(what, where, fix, null);
  }

  public PyreleaseException(String what, String where, String fix, Throwable cause) {
    super(what, cause);
    this.where = where;
    this.fix = fix;
  }

  /** The location the problem is at, or {@code null}. */
  public String where() {
    return where;
  }

  /** How to fix the problem, or {@code null}. */
  public String fix() {
    return fix;
  }

  /** The whole explanation on a few lines: {@code where: what} then the fix. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (where != null) {
      text.append(where).append(": ");
    }
    text.append(getMessage());
    if (fix != null) {
      text.append(System.lineSeparator()).append("  fix: ").append(fix);
    }
    return text.toString();
  }
}
