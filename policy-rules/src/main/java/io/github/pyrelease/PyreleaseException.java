package io.github.pyrelease;

/**
 * A problem the user must fix in their input or environment (not a rule failure): it says what is
 * wrong, where, and how to fix it. Never carries a stack trace to the user.
 */
public class PyreleaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String where;
  private final transient Hint fix;

  /**
   * @param what what is wrong, in one sentence
   * @param where {@code file:line} or another location, or {@code null}
   * @param fix how to fix it, or {@code null}
   */
  public PyreleaseException(String what, String where, String fix) {
    this(what, where, fix, null);
  }

  public PyreleaseException(String what, String where, String fix, Throwable cause) {
    this(fix == null ? null : Hint.of(fix), what, where, cause);
  }

  /**
   * For subclasses whose fix names settings (the hint first, so a {@code null} fix is never
   * ambiguous).
   */
  protected PyreleaseException(Hint fix, String what, String where, Throwable cause) {
    super(what, cause);
    this.where = where;
    this.fix = fix;
  }

  /**
   * A problem whose fix names settings each front end spells its own way.
   *
   * @param fix how to fix it
   */
  public static PyreleaseException hinted(String what, String where, Hint fix) {
    return new PyreleaseException(fix, what, where, null);
  }

  /** The location the problem is at, or {@code null}. */
  public String where() {
    return where;
  }

  /** How to fix the problem, as the Maven plugin says it, or {@code null}. */
  public String fix() {
    return fix(FrontEnd.MAVEN);
  }

  /** How to fix the problem, as {@code frontEnd} says it, or {@code null}. */
  public String fix(FrontEnd frontEnd) {
    return fix == null ? null : fix.render(frontEnd);
  }

  /** The whole explanation on a few lines, as the Maven plugin says it. */
  public String describe() {
    return describe(FrontEnd.MAVEN);
  }

  /**
   * The whole explanation on a few lines: {@code where: what} then the fix for {@code frontEnd}.
   */
  public String describe(FrontEnd frontEnd) {
    StringBuilder text = new StringBuilder();
    if (where != null) {
      text.append(where).append(": ");
    }
    text.append(getMessage());
    if (fix != null) {
      text.append(System.lineSeparator()).append("  fix: ").append(fix.render(frontEnd));
    }
    return text.toString();
  }
}
